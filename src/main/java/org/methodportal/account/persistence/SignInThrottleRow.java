package org.methodportal.account.persistence;

import java.time.Instant;

public record SignInThrottleRow(String throttleKey, int failureCount, Instant lastFailureAt, Instant nextAttemptAt) {
}
