package org.methodportal.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.methodportal.account.persistence.LoginThrottleMapper;
import org.methodportal.account.persistence.LoginThrottleRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refuses sign-in for a login name for {@link #LOCK} after {@link #MAX_FAILURES} failures within
 * {@link #WINDOW}. Kept in the database so that several portal instances agree; unknown login
 * names are throttled too, so the lock does not reveal which accounts exist.
 */
@Service
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    public static final Duration LOCK = Duration.ofMinutes(10);

    private final LoginThrottleMapper throttles;
    private final Clock clock;

    LoginThrottle(LoginThrottleMapper throttles, Clock clock) {
        this.throttles = throttles;
        this.clock = clock;
    }

    /** When the login name is locked, the instant the lock ends. */
    @Transactional(readOnly = true)
    Optional<Instant> lockedUntil(String login) {
        Instant now = clock.instant();
        return throttles.findByLogin(key(login))
                .map(LoginThrottleRow::lockedUntil)
                .filter(until -> until != null && until.isAfter(now));
    }

    /** Counts a failed attempt; the fifth within the window locks the login name. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(String login) {
        String key = key(login);
        Instant now = clock.instant();
        Optional<LoginThrottleRow> existing = throttles.findByLogin(key);
        if (existing.isEmpty()) {
            throttles.insert(key, 1, now, null);
            return;
        }
        LoginThrottleRow row = existing.get();
        boolean windowOver = row.windowStart().plus(WINDOW).isBefore(now);
        int failures = windowOver ? 1 : row.failureCount() + 1;
        Instant windowStart = windowOver ? now : row.windowStart();
        Instant lockedUntil = failures >= MAX_FAILURES ? now.plus(LOCK) : null;
        throttles.update(key, lockedUntil == null ? failures : 0, lockedUntil == null ? windowStart : now, lockedUntil);
        if (lockedUntil != null) {
            log.warn("login name locked until {} after {} failed attempts", lockedUntil, failures);
        }
    }

    /** A successful sign-in forgets earlier failures. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordSuccess(String login) {
        throttles.delete(key(login));
    }

    private static String key(String login) {
        String normalised = AccountService.normaliseLogin(login);
        return normalised.length() > 64 ? normalised.substring(0, 64) : normalised;
    }
}
