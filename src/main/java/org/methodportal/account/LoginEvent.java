package org.methodportal.account;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.AuditableEvent;

/**
 * A sign-in attempt (UI or API), successful or not; audited as {@code login.succeeded} or
 * {@code login.failed} with the login as actor and object, and the outcome as detail.
 */
public sealed interface LoginEvent extends AuditableEvent {

    String login();

    @Override
    default String action() {
        return switch (this) {
            case LoginSucceeded e -> "login.succeeded";
            case LoginFailed e -> "login.failed";
        };
    }

    @Override
    default String objectType() {
        return "account";
    }

    @Override
    default String objectId() {
        return login();
    }

    @Override
    default String actor() {
        return login();
    }

    @Override
    default String detail() {
        return switch (this) {
            case LoginSucceeded e -> "success";
            case LoginFailed e -> e.reason().detail;
        };
    }

    record LoginSucceeded(String login, @Nullable String clientAddress) implements LoginEvent {
    }

    record LoginFailed(String login, Reason reason, @Nullable String clientAddress) implements LoginEvent {
    }

    /** Why a sign-in was refused, with the detail the audit trail has always shown for it. */
    enum Reason {
        LOCKED("locked"), BAD_CREDENTIALS("bad-credentials"), DISABLED("disabled");

        private final String detail;

        Reason(String detail) {
            this.detail = detail;
        }
    }
}
