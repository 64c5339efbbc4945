package org.methodportal.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Whether an account signs in with a second factor, since when, and whether its roles require one. */
public record MfaStatus(@Nullable Instant enrolledAt, int unusedRecoveryCodes, boolean required) {

    public boolean enrolled() {
        return enrolledAt != null;
    }
}
