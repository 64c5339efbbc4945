package org.methodportal.account;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.AuditableEvent;

/** Something that happened to an account's second sign-in factor; the trail names the account by its login. */
public sealed interface MfaEvent extends AuditableEvent {

    long accountId();

    String login();

    @Override
    default String action() {
        return switch (this) {
            case MfaEnrolled e -> "mfa.enrolled";
            case MfaDisabled e -> "mfa.disabled";
            case MfaReset e -> "mfa.reset";
            case RecoveryCodesRenewed e -> "mfa.recovery-codes-renewed";
            case RecoveryCodeUsed e -> "mfa.recovery-code-used";
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

    /** The owner confirmed an authenticator with a first valid code. */
    record MfaEnrolled(long accountId, String login) implements MfaEvent {
    }

    /** The owner, whose roles do not require it, turned the second factor off. */
    record MfaDisabled(long accountId, String login) implements MfaEvent {
    }

    /** An administrator removed the account's authenticator and recovery codes, e.g. after a lost phone. */
    record MfaReset(long accountId, String login) implements MfaEvent {
    }

    /** The owner replaced their recovery codes with ten new ones. */
    record RecoveryCodesRenewed(long accountId, String login) implements MfaEvent {
    }

    /** A recovery code was used up at sign-in; the actor is the account, not yet signed in. */
    record RecoveryCodeUsed(long accountId, String login, int remaining, @Nullable String clientAddress)
            implements MfaEvent {
        @Override
        public String actor() {
            return login;
        }

        @Override
        public String detail() {
            return remaining + " left";
        }
    }
}
