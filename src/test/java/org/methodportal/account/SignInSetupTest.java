package org.methodportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;
import static org.methodportal.shared.TestUsers.uniqueLogin;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.shared.SignInObligation;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.shared.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.samstevens.totp.code.DefaultCodeGenerator;

/**
 * What a user must do first after signing in: change a password an administrator handed over, and
 * set up the second factor their roles require. The services refuse everything else until then
 * (not only the pages), and the obligations go away in the session that meets them.
 */
@SpringBootTest(properties = {"spring.config.location=classpath:/",
        "portal.account.change-handed-over-passwords=true", "portal.security.mfa.required-roles=REVIEWER"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SignInSetupTest {

    private static final String HANDED_OVER = "lantern-ferry-17";
    private static final String OWN = "copper-heron-window-58";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    MfaService mfa;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    SystemAuthentication system;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        TestUsers.signOut(securityContexts);
    }

    @Test
    void aHandedOverPasswordMustBeChangedBeforeAnythingElse() {
        String login = createAsAdministrator(Role.MEMBER);

        PortalUser user = signInAs(users, securityContexts, login);
        assertThat(user.obligations()).containsExactly(SignInObligation.CHANGE_PASSWORD);
        assertThat(accounts.me().login()).as("one's own account may be read").isEqualTo(login);
        assertRefused(() -> tokens.mine());
        assertRefused(() -> accounts.autoWatches(user.id()));

        accounts.changeOwnPassword(HANDED_OVER, OWN);

        assertThat(user.obligations()).as("met in this session").isEmpty();
        assertThat(tokens.mine()).isEmpty();
        assertThat(((PortalUser) users.loadUserByUsername(login)).obligations()).as("and at the next sign-in")
                .isEmpty();
    }

    @Test
    void theApiRefusesAnAccountWithAHandedOverPasswordButItsOwnRecord() {
        String login = createAsAdministrator(Role.MEMBER);
        signOut();

        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic(login, HANDED_OVER)).exchange()).hasStatusOk();
        assertProblem(mvc.get().uri("/api/v1/methods").with(httpBasic(login, HANDED_OVER)).exchange(),
                HttpStatus.FORBIDDEN, "auth.sign-in-setup-unfinished");
    }

    @Test
    void aPasswordResetByAnAdministratorMustBeChangedAgain() {
        String login = createAsAdministrator(Role.MEMBER);
        signInAs(users, securityContexts, login);
        accounts.changeOwnPassword(HANDED_OVER, OWN);
        long id = accounts.me().id();

        signInAs(users, securityContexts, "admin");
        accounts.resetPassword(id, "marble-otter-garden-31");

        assertThat(((PortalUser) users.loadUserByUsername(login)).obligations())
                .containsExactly(SignInObligation.CHANGE_PASSWORD);
    }

    @Test
    void aReviewerChangesThePasswordThenSetsUpTheSecondFactorBeforeAnythingElse() throws Exception {
        String login = createAsAdministrator(Role.REVIEWER);

        PortalUser user = signInAs(users, securityContexts, login);
        assertThat(user.obligations()).containsExactlyInAnyOrder(SignInObligation.CHANGE_PASSWORD,
                SignInObligation.ENROL_SECOND_FACTOR);
        accounts.changeOwnPassword(HANDED_OVER, OWN);
        assertThat(user.obligations()).containsExactly(SignInObligation.ENROL_SECOND_FACTOR);
        assertRefused(() -> tokens.create("未设两步验证", Set.of(ApiTokenScope.READ), 30));

        MfaEnrolment enrolment = mfa.startEnrolment();
        mfa.confirmEnrolment(new DefaultCodeGenerator().generate(enrolment.manualKey().replace(" ", ""),
                Math.floorDiv(clock.instant().getEpochSecond(), 30)));

        assertThat(user.obligations()).isEmpty();
        assertThat(tokens.create("设置之后", Set.of(ApiTokenScope.READ), 30).secret()).isNotBlank();
    }

    @Test
    void accountsThePortalCreatesItselfKeepTheirPassword() {
        String login = system.callAsSystem(() -> accounts.create(new AccountForm(uniqueLogin(), "系统建号", 1,
                Set.of(Role.MEMBER), Set.of()), HANDED_OVER)).login();

        assertThat(((PortalUser) users.loadUserByUsername(login)).obligations()).isEmpty();
    }

    private String createAsAdministrator(Role role) {
        signInAs(users, securityContexts, "admin");
        String login = accounts.create(new AccountForm(uniqueLogin(), "初始密码", 1, EnumSet.of(role, Role.MEMBER),
                Set.of()), HANDED_OVER).login();
        signOut();
        return login;
    }

    private static void assertRefused(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.code()).isEqualTo("auth.sign-in-setup-unfinished"));
    }
}
