package org.methodportal.shared;

/** Settings the portal refuses to start with; {@link #action()} says what to change. */
public final class StartupSettingsException extends RuntimeException {

    private final String action;

    StartupSettingsException(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
