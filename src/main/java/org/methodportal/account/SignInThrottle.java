package org.methodportal.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.persistence.SignInThrottleMapper;
import org.methodportal.account.persistence.SignInThrottleRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without handing anyone a way to lock others out. Failures are
 * counted per login name from one client address and per client address over all names; past a
 * few free attempts each further failure doubles the wait before the next attempt from there
 * ({@link #FIRST_DELAY} up to {@link #MAX_DELAY}). Nothing is locked outright: the owner signing in
 * from an address that did not fail is never refused because another address failed. Failures for
 * a login name from all addresses together are only counted, and audited at 20, 40, 80 … as a
 * suspected attack. Counts live in the database (several instances agree) and are forgotten an
 * hour after the last failure.
 * <p>
 * So that concurrent attempts cannot get more guesses through than the count allows, each login
 * name and address may have only as many password checks in flight on this instance as it has
 * free attempts left (one once it is past them); further attempts wait briefly for those to end.
 */
@Service
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    static final int FREE_PER_NAME_AND_ADDRESS = 5;
    static final int FREE_PER_ADDRESS = 30;
    static final int FIRST_ATTACK_REPORT = 20;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** How long an attempt waits for the checks in flight before it is told to retry. */
    static final Duration WAIT_FOR_CHECKS = Duration.ofSeconds(3);
    private static final Duration WAIT_STEP = Duration.ofMillis(20);
    private static final int KEY_MAX = 200;

    private final SignInThrottleMapper throttles;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Integer> checksInFlight = new ConcurrentHashMap<>();

    SignInThrottle(SignInThrottleMapper throttles, ApplicationEventPublisher events, Clock clock) {
        this.throttles = throttles;
        this.events = events;
        this.clock = clock;
    }

    /** A password check admitted by {@link #admit}; closing it ends the check. */
    interface Admission extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Admits one password check for the login name from the address, or throws
     * {@link SignInThrottledException} saying when to try again.
     */
    Admission admit(String login, @Nullable String address) {
        Keys keys = Keys.of(login, address);
        Instant deadline = clock.instant().plus(WAIT_FOR_CHECKS);
        while (true) {
            Instant now = clock.instant();
            Map<String, SignInThrottleRow> rows = current(keys, now);
            Instant retryAt = latest(waitUntil(rows.get(keys.pair()), now), waitUntil(rows.get(keys.address()), now));
            if (retryAt != null) {
                throw new SignInThrottledException(retryAt);
            }
            if (tryStartCheck(keys.pair(), checksAllowed(rows.get(keys.pair())))) {
                // Read again with this check counted: a check that failed meanwhile may have used the
                // last free attempt, and every check records its failure before it ends.
                Map<String, SignInThrottleRow> after = current(keys, clock.instant());
                Instant waitAfter = latest(waitUntil(after.get(keys.pair()), now), waitUntil(after.get(keys.address()), now));
                if (waitAfter == null && checksInFlight.getOrDefault(keys.pair(), 0) <= checksAllowed(after.get(keys.pair()))) {
                    return () -> endCheck(keys.pair());
                }
                endCheck(keys.pair());
                if (waitAfter != null) {
                    throw new SignInThrottledException(waitAfter);
                }
            }
            if (!now.isBefore(deadline)) {
                throw new SignInThrottledException(now.plus(FIRST_DELAY));
            }
            pause();
        }
    }

    /** Counts a failed password check: for the name from this address, for the address, for the name. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(String login, @Nullable String address) {
        Keys keys = Keys.of(login, address);
        Instant now = clock.instant();
        int pair = countFailure(keys.pair(), now);
        delayNextAttempt(keys.pair(), now, pair, FREE_PER_NAME_AND_ADDRESS);
        if (keys.address() != null) {
            delayNextAttempt(keys.address(), now, countFailure(keys.address(), now), FREE_PER_ADDRESS);
        }
        int account = countFailure(keys.account(), now);
        if (isReported(account)) {
            log.warn("{} failed sign-ins for one login name within the hour, the latest from {}", account, address);
            events.publishEvent(new LoginEvent.AttackSuspected(keys.login(), account, address));
        }
    }

    /** A successful sign-in forgets the failures of the name from this address (not the address's own). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordSuccess(String login, @Nullable String address) {
        throttles.delete(Keys.of(login, address).pair());
    }

    /** The wait after {@code failures} failures with {@code free} of them free: none, then 1 s, 2 s, 4 s … */
    static Duration delayAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 30);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** Audited at the first report's count and at each doubling of it. */
    static boolean isReported(int failures) {
        if (failures < FIRST_ATTACK_REPORT || failures % FIRST_ATTACK_REPORT != 0) {
            return false;
        }
        int multiple = failures / FIRST_ATTACK_REPORT;
        return (multiple & (multiple - 1)) == 0;
    }

    private int countFailure(String key, Instant now) {
        Instant forgetBefore = now.minus(FORGET_AFTER);
        if (throttles.countFailure(key, now, forgetBefore) == 0) {
            if (throttles.insertIfAbsent(key, now) == 0) {
                // inserted by a concurrent failure between the two statements: count on its row
                throttles.countFailure(key, now, forgetBefore);
            } else {
                // a new key: the moment to drop the forgotten ones, so the table does not grow with
                // addresses that never come back
                throttles.deleteForgotten(forgetBefore);
            }
        }
        return throttles.findByKey(key).map(SignInThrottleRow::failureCount).orElse(1);
    }

    private void delayNextAttempt(String key, Instant now, int failures, int free) {
        Duration delay = delayAfter(failures, free);
        if (!delay.isZero()) {
            throttles.updateNextAttempt(key, now.plus(delay));
        }
    }

    /** The rows of the keys whose failures are not forgotten yet. */
    private Map<String, SignInThrottleRow> current(Keys keys, Instant now) {
        Instant forgetBefore = now.minus(FORGET_AFTER);
        Map<String, SignInThrottleRow> rows = new HashMap<>();
        for (SignInThrottleRow row : throttles.findByKeys(keys.checked())) {
            if (!row.lastFailureAt().isBefore(forgetBefore)) {
                rows.put(row.throttleKey(), row);
            }
        }
        return rows;
    }

    private static @Nullable Instant waitUntil(@Nullable SignInThrottleRow row, Instant now) {
        return row != null && row.nextAttemptAt().isAfter(now) ? row.nextAttemptAt() : null;
    }

    private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** Free attempts left, or one past them: the checks that may run at once without exceeding the count. */
    private static int checksAllowed(@Nullable SignInThrottleRow pair) {
        int failures = pair == null ? 0 : pair.failureCount();
        return Math.max(1, FREE_PER_NAME_AND_ADDRESS - failures);
    }

    private boolean tryStartCheck(String key, int allowed) {
        boolean[] started = {false};
        checksInFlight.compute(key, (k, running) -> {
            int now = running == null ? 0 : running;
            if (now >= allowed) {
                return running;
            }
            started[0] = true;
            return now + 1;
        });
        return started[0];
    }

    private void endCheck(String key) {
        checksInFlight.computeIfPresent(key, (k, running) -> running <= 1 ? null : running - 1);
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_STEP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInThrottledException(Instant.now().plus(FIRST_DELAY));
        }
    }

    /** The throttle's keys for one attempt; the address part is absent when the address is unknown. */
    record Keys(String login, String pair, @Nullable String address, String account) {

        static Keys of(String login, @Nullable String address) {
            String name = AccountService.normaliseLogin(login);
            name = name.length() > 64 ? name.substring(0, 64) : name;
            String from = address == null || address.isBlank() ? "unknown" : address.strip();
            from = from.length() > 64 ? from.substring(0, 64) : from;
            return new Keys(name, cut("pair:" + name + "|" + from),
                    address == null || address.isBlank() ? null : cut("address:" + from), cut("account:" + name));
        }

        List<String> checked() {
            return address == null ? List.of(pair) : List.of(pair, address);
        }

        private static String cut(String key) {
            return key.length() <= KEY_MAX ? key : key.substring(0, KEY_MAX);
        }
    }
}
