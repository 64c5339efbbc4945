package org.methodportal.account;

import org.methodportal.shared.AuditableEvent;

/** The portal ended a signed-in browser session because its account changed since sign-in. */
public record SessionEnded(String login, SessionEndReason reason) implements AuditableEvent {

    @Override
    public String action() {
        return "session.ended";
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
        return reason.name();
    }

    @Override
    public String actor() {
        return login;
    }
}
