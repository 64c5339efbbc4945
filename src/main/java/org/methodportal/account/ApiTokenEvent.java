package org.methodportal.account;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.AuditableEvent;

/**
 * An API token was created, revoked, or used again after a long pause; audited with the token's id
 * as object. Ordinary uses are not audited (they would be a row per call).
 */
public sealed interface ApiTokenEvent extends AuditableEvent {

    long tokenId();

    String login();

    /** Name, prefix and scopes, as the owner's list shows them. */
    String description();

    @Override
    default String action() {
        return switch (this) {
            case TokenCreated e -> "token.created";
            case TokenRevoked e -> "token.revoked";
            case TokenUsedAfterPause e -> "token.used-after-pause";
        };
    }

    @Override
    default String objectType() {
        return "api-token";
    }

    @Override
    default String objectId() {
        return String.valueOf(tokenId());
    }

    @Override
    default String detail() {
        return login() + ": " + description();
    }

    record TokenCreated(long tokenId, String login, String description) implements ApiTokenEvent {
    }

    record TokenRevoked(long tokenId, String login, String description) implements ApiTokenEvent {
    }

    /** The first use in {@link ApiTokenService#LONG_PAUSE} or more: the owner's own request, or someone who found the token. */
    record TokenUsedAfterPause(long tokenId, String login, String description, @Nullable String clientAddress)
            implements ApiTokenEvent {
        @Override
        public String actor() {
            return login;
        }
    }
}
