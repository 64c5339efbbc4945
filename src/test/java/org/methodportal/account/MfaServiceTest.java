package org.methodportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;
import static org.methodportal.shared.TestUsers.uniqueLogin;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.shared.MutableClock;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.Role;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.samstevens.totp.code.DefaultCodeGenerator;

@ServiceTest
class MfaServiceTest {

    @Autowired
    MfaService mfa;
    @Autowired
    AccountService accounts;
    @Autowired
    OrganisationService organisation;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    String login;
    long accountId;

    @BeforeEach
    void account() {
        signInAs(users, securityContexts, "admin");
        login = uniqueLogin();
        long branch = organisation.findBranches(BranchFilter.none(), new PageRequest(0, 1, "name", true))
                .getFirst().id();
        accountId = accounts.create(new AccountForm(login, "两步测试", branch, Set.of(Role.MEMBER), Set.of()),
                "lantern-ferry-17").id();
        signInAs(users, securityContexts, login);
    }

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void anEnrolmentCountsOnlyOnceConfirmedWithACode() {
        MfaEnrolment enrolment = mfa.startEnrolment();

        assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/").contains(login).contains("secret=");
        assertThat(enrolment.qrCodeDataUri()).startsWith("data:image/svg+xml;base64,");
        assertThat(enrolment.manualKey()).matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}");
        assertThat(mfa.status().enrolled()).isFalse();
        assertThat(mfa.isEnrolled(accountId)).isFalse();
        assertRefused(() -> mfa.confirmEnrolment("000000".equals(code(enrolment)) ? "111111" : "000000"),
                "mfa.code-wrong");

        List<String> recovery = mfa.confirmEnrolment(code(enrolment));

        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(mfa.status().enrolled()).isTrue();
        assertThat(mfa.status().unusedRecoveryCodes()).isEqualTo(10);
        assertThat(mfa.isEnrolled(accountId)).isTrue();
        assertThat(audits("mfa.enrolled")).isEqualTo(1);
        assertRefused(mfa::startEnrolment, "mfa.already-enrolled");
    }

    @Test
    void theSecretIsStoredEncryptedAndOneStoredBeforeIsEncryptedAtStart() {
        MfaEnrolment enrolment = mfa.startEnrolment();
        String plain = enrolment.manualKey().replace(" ", "");
        String stored = storedSecret();
        assertThat(stored).startsWith(SecretBox.PREFIX).doesNotContain(plain);
        mfa.confirmEnrolment(code(enrolment));

        jdbc.update("UPDATE account_mfa SET secret = ? WHERE account_id = ?", plain, accountId);
        mfa.sealPlainSecrets();

        assertThat(storedSecret()).startsWith(SecretBox.PREFIX).isNotEqualTo(stored).doesNotContain(plain);
        clock.advance(Duration.ofSeconds(30));
        assertThat(mfa.verifySignIn(login, code(enrolment), "10.9.0.1")).as("codes of the same key").isTrue();
    }

    private String storedSecret() {
        return jdbc.queryForObject("SELECT secret FROM account_mfa WHERE account_id = ?", String.class, accountId);
    }

    @Test
    void aCodeIsAcceptedWithinOneStepOfDriftAndEachStepOnce() {
        MfaEnrolment enrolment = mfa.startEnrolment();
        mfa.confirmEnrolment(code(enrolment));

        assertThat(mfa.verifySignIn(login, code(enrolment), "10.9.0.1")).as("replay of the enrolment's code").isFalse();
        clock.advance(Duration.ofSeconds(30));
        String current = code(enrolment);
        assertThat(mfa.verifySignIn(login, current.substring(0, 3) + " " + current.substring(3), "10.9.0.1")).isTrue();
        assertThat(mfa.verifySignIn(login, current, "10.9.0.1")).as("the same code again").isFalse();

        clock.advance(Duration.ofSeconds(30));
        String late = code(enrolment);
        clock.advance(Duration.ofSeconds(30));
        assertThat(mfa.verifySignIn(login, late, "10.9.0.1")).as("one step late").isTrue();
        String tooLate = code(enrolment);
        clock.advance(Duration.ofSeconds(60));
        assertThat(mfa.verifySignIn(login, tooLate, "10.9.0.1")).as("two steps late").isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'login.failed'"
                + " AND object_id = ? AND detail = 'bad-code'", Long.class, login)).isEqualTo(3);
    }

    @Test
    void aRecoveryCodeWorksOnceAndIsAudited() {
        MfaEnrolment enrolment = mfa.startEnrolment();
        List<String> recovery = mfa.confirmEnrolment(code(enrolment));

        assertThat(mfa.verifySignIn(login, recovery.get(3).toUpperCase(), "10.9.0.2")).isTrue();
        assertThat(mfa.verifySignIn(login, recovery.get(3), "10.9.0.2")).as("used up").isFalse();
        assertThat(mfa.verifySignIn(login, "no-such-code-here", "10.9.0.2")).isFalse();
        assertThat(mfa.status().unusedRecoveryCodes()).isEqualTo(9);
        assertThat(audits("mfa.recovery-code-used")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE action = 'mfa.recovery-code-used'"
                + " AND object_id = ?", String.class, login)).isEqualTo(login);
    }

    @Test
    void wrongCodesAreThrottledLikeWrongPasswords() {
        MfaEnrolment enrolment = mfa.startEnrolment();
        mfa.confirmEnrolment(code(enrolment));
        String wrong = "000000".equals(code(enrolment)) ? "111111" : "000000";

        for (int i = 0; i < SignInThrottle.FREE_PER_NAME_AND_ADDRESS; i++) {
            assertThat(mfa.verifySignIn(login, wrong, "10.9.0.3")).isFalse();
        }
        // the next step's code, valid but for the wait the failures earned
        String right = code(enrolment, 1);
        assertThatThrownBy(() -> mfa.verifySignIn(login, right, "10.9.0.3"))
                .isInstanceOf(SignInThrottledException.class);
    }

    @Test
    void renewingRecoveryCodesAndTurningOffNeedACurrentCode() {
        MfaEnrolment enrolment = mfa.startEnrolment();
        List<String> first = mfa.confirmEnrolment(code(enrolment));

        assertRefused(() -> mfa.renewRecoveryCodes(code(enrolment)), "mfa.code-wrong");
        clock.advance(Duration.ofSeconds(30));
        List<String> second = mfa.renewRecoveryCodes(code(enrolment));
        assertThat(second).hasSize(10).doesNotContainAnyElementsOf(first);
        assertThat(mfa.verifySignIn(login, first.getFirst(), "10.9.0.4")).as("old codes are gone").isFalse();

        clock.advance(Duration.ofSeconds(30));
        mfa.disable(code(enrolment));
        assertThat(mfa.isEnrolled(accountId)).isFalse();
        assertThat(mfa.verifySignIn(login, second.getFirst(), "10.9.0.4")).isFalse();
        assertThat(audits("mfa.disabled")).isEqualTo(1);
    }

    @Test
    void onlyAnAdministratorResetsAnAccountsSecondFactorAndItIsAudited() {
        MfaEnrolment enrolment = mfa.startEnrolment();
        mfa.confirmEnrolment(code(enrolment));
        assertThatThrownBy(() -> mfa.reset(accountId)).isInstanceOf(AccessDeniedException.class);

        signInAs(users, securityContexts, "admin");
        mfa.reset(accountId);

        assertThat(mfa.isEnrolled(accountId)).isFalse();
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE action = 'mfa.reset' AND object_id = ?",
                String.class, login)).isEqualTo("admin");
        assertRefused(() -> mfa.reset(accountId), "mfa.not-enrolled");
    }

    /** The code an authenticator app shows now for the enrolment's secret. */
    private String code(MfaEnrolment enrolment) {
        return code(enrolment, 0);
    }

    /** The code of a step before or after the current one (drift between phone and server). */
    private String code(MfaEnrolment enrolment, int steps) {
        try {
            return new DefaultCodeGenerator().generate(enrolment.manualKey().replace(" ", ""),
                    Math.floorDiv(clock.instant().getEpochSecond(), 30) + steps);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long audits(String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND object_id = ?", Long.class,
                action, login);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
