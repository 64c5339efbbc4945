package org.methodportal.account;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** One of the owner's API tokens as lists show it; the token itself is never shown again. */
public record ApiTokenSummary(long id, String name, String prefix, Set<ApiTokenScope> scopes, Instant createdAt,
                              Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public ApiTokenSummary {
        scopes = Set.copyOf(scopes);
    }

    public boolean usable(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
