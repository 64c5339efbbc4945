package org.methodportal.account.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

public record LoginThrottleRow(String login, int failureCount, Instant windowStart, @Nullable Instant lockedUntil) {
}
