package org.methodportal.account;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.AuditableEvent;

/** A sign-in attempt (UI or API), successful or not; {@code outcome} says which. */
public record LoginAttempted(String login, String outcome, @Nullable String clientAddress) implements AuditableEvent {

    public static final String SUCCESS = "success";

    @Override
    public String action() {
        return SUCCESS.equals(outcome) ? "login.succeeded" : "login.failed";
    }

    @Override
    public String objectType() {
        return "account";
    }

    @Override
    public String objectId() {
        return login;
    }

    @Override
    public String detail() {
        return outcome;
    }

    @Override
    public String actor() {
        return login;
    }
}
