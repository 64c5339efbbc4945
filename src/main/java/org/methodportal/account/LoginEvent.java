package org.methodportal.account;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.AuditableEvent;

/**
 * A sign-in attempt (UI or API), successful or not, audited as {@code login.succeeded} or
 * {@code login.failed} with the login as actor and object and the outcome as detail; or a
 * suspected attack on a login name ({@code login.attack-suspected}).
 */
public sealed interface LoginEvent extends AuditableEvent {

    String login();

    @Override
    default String action() {
        return switch (this) {
            case LoginSucceeded e -> "login.succeeded";
            case LoginFailed e -> "login.failed";
            case AttackSuspected e -> "login.attack-suspected";
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
            case AttackSuspected e -> e.failures() + " failed sign-ins";
        };
    }

    record LoginSucceeded(String login, @Nullable String clientAddress) implements LoginEvent {
    }

    record LoginFailed(String login, Reason reason, @Nullable String clientAddress) implements LoginEvent {
    }

    /**
     * Failed sign-ins for one login name, from any addresses, reached {@code failures} within the
     * throttle's memory: audited at 20, 40, 80 … so that administrators see a sustained attack on the
     * audit page. No actor (the attacker is unknown); the address is the latest attempt's.
     */
    record AttackSuspected(String login, int failures, @Nullable String clientAddress) implements LoginEvent {
        @Override
        public @Nullable String actor() {
            return null;
        }
    }

    /** Why a sign-in was refused, with the detail the audit trail has always shown for it. */
    enum Reason {
        THROTTLED("throttled"), BAD_CREDENTIALS("bad-credentials"), DISABLED("disabled"), BAD_CODE("bad-code");

        private final String detail;

        Reason(String detail) {
            this.detail = detail;
        }
    }
}
