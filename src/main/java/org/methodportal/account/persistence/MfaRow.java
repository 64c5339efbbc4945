package org.methodportal.account.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An account's TOTP secret as stored (encrypted, see the account module's SecretBox); {@code enrolledAt}
 * is empty while the enrolment is not confirmed.
 */
public record MfaRow(long accountId, String secret, Instant createdAt, @Nullable Instant enrolledAt,
                     @Nullable Long lastTimeStep) {
}
