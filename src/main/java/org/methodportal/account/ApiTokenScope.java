package org.methodportal.account;

/** What an API token may do: read (GET), write (every method), admin (the administrator's rights, if the owner has them). */
public enum ApiTokenScope {
    READ, WRITE, ADMIN
}
