package org.methodportal.shared;

/** The roles an account can hold; several at once are allowed. */
public enum Role {
    MEMBER, SECRETARY, REVIEWER, ADMIN;

    /** The Spring Security authority name, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
