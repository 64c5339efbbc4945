package org.methodportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.uniqueLogin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.MutableClock;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.Role;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.mock.web.MockHttpServletRequest;

@ServiceTest
class SignInThrottleTest {

    private static final String OWNER_ADDRESS = "127.0.0.1";
    private static final String ATTACKER_ADDRESS = "127.0.0.2";
    private static final String PASSWORD = "the-owners-password-1";

    @Autowired
    SignInThrottle throttle;
    @Autowired
    AuthenticationManager authentication;
    @Autowired
    AccountService accounts;
    @Autowired
    OrganisationService organisation;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void afterFiveFreeFailuresEachFurtherFailureDoublesTheWait() {
        String login = uniqueLogin();
        fail(login, ATTACKER_ADDRESS, 4);
        assertAdmitted(login, ATTACKER_ADDRESS);

        fail(login, ATTACKER_ADDRESS, 1);
        assertWait(login, ATTACKER_ADDRESS, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        fail(login, ATTACKER_ADDRESS, 1);
        assertWait(login, ATTACKER_ADDRESS, Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        fail(login, ATTACKER_ADDRESS, 1);
        assertWait(login, ATTACKER_ADDRESS, Duration.ofSeconds(4));

        assertThat(SignInThrottle.delayAfter(40, 5)).as("capped").isEqualTo(SignInThrottle.MAX_DELAY);
    }

    @Test
    void failuresFromOneAddressNeverRefuseTheOwnerFromAnother() {
        String login = uniqueLogin();
        for (int i = 0; i < 12; i++) {
            fail(login, ATTACKER_ADDRESS, 1);
            clock.advance(SignInThrottle.delayAfter(i + 1, SignInThrottle.FREE_PER_NAME_AND_ADDRESS));
        }
        fail(login, ATTACKER_ADDRESS, 1);
        assertThatThrownBy(() -> throttle.admit(login, ATTACKER_ADDRESS)).isInstanceOf(SignInThrottledException.class);

        assertAdmitted(login, OWNER_ADDRESS);
    }

    @Test
    void anAddressGuessingManyNamesWaitsForEveryName() {
        String sprayer = "127.0.0.3";
        for (int i = 0; i < SignInThrottle.FREE_PER_ADDRESS; i++) {
            fail(uniqueLogin(), sprayer, 1);
        }
        String untried = uniqueLogin();
        assertWait(untried, sprayer, Duration.ofSeconds(1));
        assertAdmitted(untried, "127.0.0.4");
    }

    @Test
    void aSuccessForgetsTheNamesFailuresFromThatAddressOnly() {
        String login = uniqueLogin();
        fail(login, OWNER_ADDRESS, 4);
        fail(login, ATTACKER_ADDRESS, 5);

        throttle.recordSuccess(login, OWNER_ADDRESS);
        fail(login, OWNER_ADDRESS, 4);

        assertAdmitted(login, OWNER_ADDRESS);
        assertThatThrownBy(() -> throttle.admit(login, ATTACKER_ADDRESS)).isInstanceOf(SignInThrottledException.class);
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLast() {
        String login = uniqueLogin();
        fail(login, ATTACKER_ADDRESS, 5);
        clock.advance(SignInThrottle.FORGET_AFTER.plusSeconds(1));

        fail(login, ATTACKER_ADDRESS, 4);

        assertAdmitted(login, ATTACKER_ADDRESS);
    }

    @Test
    void loginNamesAreCountedRegardlessOfCaseAndSpaces() {
        String login = uniqueLogin();
        fail(login.toUpperCase(), ATTACKER_ADDRESS, 3);
        fail(" " + login, ATTACKER_ADDRESS, 2);

        assertThatThrownBy(() -> throttle.admit(login, ATTACKER_ADDRESS)).isInstanceOf(SignInThrottledException.class);
    }

    @Test
    @WithUserDetails("admin")
    void fortyConcurrentWrongPasswordsGetExactlyFiveChecksAndTheOwnerStillSignsInFromElsewhere() throws Exception {
        String login = createAccount();
        List<Callable<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String guess = "guess-" + i;
            attempts.add(() -> {
                try {
                    authentication.authenticate(token(login, guess, ATTACKER_ADDRESS));
                    return "signed in";
                } catch (BadCredentialsException e) {
                    return "checked";
                } catch (SignInThrottledException e) {
                    return "throttled";
                }
            });
        }
        List<String> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(40)) {
            for (Future<String> outcome : pool.invokeAll(attempts)) {
                outcomes.add(outcome.get());
            }
        }

        assertThat(outcomes).filteredOn("checked"::equals).hasSize(SignInThrottle.FREE_PER_NAME_AND_ADDRESS);
        assertThat(outcomes).filteredOn("throttled"::equals).hasSize(40 - SignInThrottle.FREE_PER_NAME_AND_ADDRESS);
        assertThatThrownBy(() -> authentication.authenticate(token(login, PASSWORD, ATTACKER_ADDRESS)))
                .as("the right password from the attacker's address waits too")
                .isInstanceOf(SignInThrottledException.class);
        Authentication owner = authentication.authenticate(token(login, PASSWORD, OWNER_ADDRESS));
        assertThat(owner.isAuthenticated()).isTrue();
    }

    @Test
    void aSustainedAttackOnOneNameIsAuditedAtTwentyFailuresAndAtEachDoubling() {
        String login = uniqueLogin();
        for (int i = 0; i < 45; i++) {
            fail(login, "10.0." + (i / 200) + "." + (i % 200 + 1), 1);
        }

        List<String> details = jdbc.queryForList("SELECT detail FROM audit_event WHERE action = 'login.attack-suspected'"
                + " AND object_id = ? ORDER BY id", String.class, login);
        assertThat(details).containsExactly("20 failed sign-ins", "40 failed sign-ins");
        assertThat(SignInThrottle.isReported(80)).isTrue();
        assertThat(SignInThrottle.isReported(60)).isFalse();
        assertAdmitted(login, "10.0.9.9");
    }

    private String createAccount() {
        String login = uniqueLogin();
        long branch = organisation.findBranches(BranchFilter.none(), new PageRequest(0, 1, "name", true)).getFirst().id();
        accounts.create(new AccountForm(login, "节流测试", branch, Set.of(Role.MEMBER), Set.of()), PASSWORD);
        return login;
    }

    private static UsernamePasswordAuthenticationToken token(String login, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(login, password);
        var request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    private void fail(String login, String address, int count) {
        for (int i = 0; i < count; i++) {
            throttle.recordFailure(login, address);
        }
    }

    private void assertAdmitted(String login, String address) {
        throttle.admit(login, address).close();
    }

    private void assertWait(String login, String address, Duration wait) {
        Instant now = clock.instant();
        assertThatThrownBy(() -> throttle.admit(login, address)).isInstanceOfSatisfying(SignInThrottledException.class,
                e -> assertThat(e.retryAt()).isEqualTo(now.plus(wait)));
    }
}
