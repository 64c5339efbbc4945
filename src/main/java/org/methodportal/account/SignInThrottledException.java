package org.methodportal.account;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/**
 * Sign-in refused for now because of failed attempts from this client address; the login view and
 * the API (429 with Retry-After) say when to try again.
 */
public class SignInThrottledException extends LockedException {

    private final Instant retryAt;

    public SignInThrottledException(Instant retryAt) {
        super("sign-in throttled until " + retryAt);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }

    /** Whole seconds until {@link #retryAt()}, at least 1 (the value of a Retry-After header). */
    public long retryAfterSeconds(Instant now) {
        long millis = Duration.between(now, retryAt).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
