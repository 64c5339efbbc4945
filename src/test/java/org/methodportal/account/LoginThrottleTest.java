package org.methodportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.TestUsers.uniqueLogin;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.MutableClock;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;

@ServiceTest
class LoginThrottleTest {

    @Autowired
    LoginThrottle throttle;
    @Autowired
    MutableClock clock;

    @Test
    void fiveFailuresWithinTenMinutesLockForTenMinutes() {
        String login = uniqueLogin();
        fail(login, 4, Duration.ofMinutes(2));
        assertThat(throttle.lockedUntil(login)).as("four failures").isEmpty();

        fail(login, 1, Duration.ZERO);
        Instant lockedAt = clock.instant();

        assertThat(throttle.lockedUntil(login)).contains(lockedAt.plus(LoginThrottle.LOCK));
        clock.advance(LoginThrottle.LOCK.minusSeconds(1));
        assertThat(throttle.lockedUntil(login)).as("still locked").isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.lockedUntil(login)).as("lock over").isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        String login = uniqueLogin();
        fail(login, 4, Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(7));

        fail(login, 4, Duration.ofMinutes(1));
        assertThat(throttle.lockedUntil(login)).as("window restarted").isEmpty();

        fail(login, 1, Duration.ZERO);
        assertThat(throttle.lockedUntil(login)).as("fifth failure of the new window").isPresent();
    }

    @Test
    void successfulSignInClearsFailures() {
        String login = uniqueLogin();
        fail(login, 4, Duration.ofSeconds(10));

        throttle.recordSuccess(login);
        fail(login, 4, Duration.ofSeconds(10));

        assertThat(throttle.lockedUntil(login)).isEmpty();
    }

    @Test
    void loginNamesAreThrottledRegardlessOfCase() {
        String login = uniqueLogin();
        fail(login.toUpperCase(), 3, Duration.ZERO);
        fail(" " + login, 2, Duration.ZERO);

        assertThat(throttle.lockedUntil(login)).isPresent();
        assertThat(throttle.lockedUntil(uniqueLogin())).as("other names").isEmpty();
    }

    /** {@code count} failed attempts, {@code gap} apart (and after the last one). */
    private void fail(String login, int count, Duration gap) {
        for (int i = 0; i < count; i++) {
            throttle.recordFailure(login);
            clock.advance(gap);
        }
    }
}
