package org.methodportal.shared;

/**
 * Something a signed-in user must do before anything else: until they have, the views take them
 * to where it is done and the services refuse every call not marked {@link SignInSetup}.
 */
public enum SignInObligation {
    /** The password was handed over (set by an administrator or at installation) and is known to someone else. */
    CHANGE_PASSWORD,
    /** The account's roles require a second factor that is not set up yet. */
    ENROL_SECOND_FACTOR
}
