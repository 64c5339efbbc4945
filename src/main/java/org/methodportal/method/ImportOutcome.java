package org.methodportal.method;

/** What importing one entry did to the portal; {@code methodId} is the method it created or matched. */
public record ImportOutcome(Kind kind, long methodId) {

    public enum Kind { CREATED, UPDATED, UNCHANGED }
}
