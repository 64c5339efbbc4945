package org.methodportal.account;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** Sign-in refused because of too many failed attempts; the login view and the API explain it. */
public class LoginLockedException extends LockedException {

    private final Instant lockedUntil;

    public LoginLockedException(Instant lockedUntil) {
        super("login locked until " + lockedUntil);
        this.lockedUntil = lockedUntil;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
