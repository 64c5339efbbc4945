package org.methodportal.account.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

public record ApiTokenRow(long id, long accountId, String accountLogin, String name, String tokenPrefix, String scopes,
                          Instant createdAt, Instant expiresAt, @Nullable Instant lastUsedAt,
                          @Nullable Instant revokedAt) {
}
