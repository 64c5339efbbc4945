package org.methodportal.account;

/** Why the portal ended a signed-in session rather than its user; the login page says which. */
public enum SessionEndReason {

    /** Roles, branch or reviewed departments changed. */
    RIGHTS_CHANGED,
    /** An administrator reset the password, or its owner changed it in another session. */
    PASSWORD_CHANGED,
    /** An administrator disabled the account. */
    DISABLED;

    /** Carries the reason in the new, signed-out session to the login page the browser goes to next. */
    public static final String SESSION_ATTRIBUTE = SessionEndReason.class.getName();
}
