package org.methodportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.TestUsers.signInAs;
import static org.methodportal.shared.TestUsers.uniqueLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Clock;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.audit.AuditFilter;
import org.methodportal.audit.AuditService;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.shared.TestUsers;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.samstevens.totp.code.DefaultCodeGenerator;

/** The UI's sign-in through the real filter chain: a right password alone does not sign in an enrolled account. */
@ApiTest
class MfaSignInTest {

    private static final String PASSWORD = "lantern-ferry-17";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    MfaService mfa;
    @Autowired
    MfaSignIn signIn;
    @Autowired
    SystemAuthentication system;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    Clock clock;
    @Autowired
    AuditService audit;

    @AfterEach
    void signOut() {
        TestUsers.signOut(securityContexts);
    }

    @Test
    void anEnrolledAccountIsSignedInOnlyAfterItsCode() throws Exception {
        String login = create();
        signInAs(users, securityContexts, login);
        MfaEnrolment enrolment = mfa.startEnrolment();
        mfa.confirmEnrolment(code(enrolment, 0));
        securityContexts.clearContext();

        MockHttpSession session = new MockHttpSession();
        MvcTestResult password = signIn(login, session);
        assertThat(password).hasStatus(HttpStatus.FOUND);
        assertThat(password.getResponse().getRedirectedUrl()).endsWith("/login?error");
        assertThat(session.getAttribute(MfaSignIn.PENDING)).isNotNull();
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
        MvcTestResult page = mvc.get().uri("/methods").accept(MediaType.TEXT_HTML).session(session).exchange();
        assertThat(page.getResponse().getRedirectedUrl()).as("not signed in yet").endsWith("/login");
        assertThat(signIn.pendingLogin(session)).contains(login);
        assertThat(signIns(login)).as("a right password alone is no sign-in in the audit trail").isZero();

        assertThat(complete(session, code(enrolment, 0))).as("the enrolment's code again")
                .isEqualTo(MfaSignIn.Outcome.WRONG_CODE);
        String sessionId = session.getId();
        assertThat(complete(session, code(enrolment, 1))).isEqualTo(MfaSignIn.Outcome.SIGNED_IN);

        assertThat(session.getId()).as("a new session id").isNotEqualTo(sessionId);
        assertThat(signIns(login)).as("audited once the code is right").isEqualTo(1);
        assertThat(session.getAttribute(MfaSignIn.PENDING)).isNull();
        var context = (SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context.getAuthentication().getPrincipal()).isInstanceOfSatisfying(PortalUser.class,
                user -> assertThat(user.login()).isEqualTo(login));
        assertThat(complete(session, code(enrolment, 1))).as("nothing pending any more")
                .isEqualTo(MfaSignIn.Outcome.EXPIRED);
    }

    @Test
    void anAccountWithoutASecondFactorIsSignedInByItsPassword() {
        String login = create();
        MockHttpSession session = new MockHttpSession();

        MvcTestResult password = signIn(login, session);

        assertThat(password.getResponse().getRedirectedUrl()).doesNotContain("login");
        assertThat(session.getAttribute(MfaSignIn.PENDING)).isNull();
        assertThat(signIns(login)).isEqualTo(1);
    }

    private long signIns(String login) {
        return system.callAsSystem(() -> audit.count(new AuditFilter(login, "login.succeeded", null, null, null)));
    }

    private MvcTestResult signIn(String login, MockHttpSession session) {
        return mvc.post().uri("/login").session(session).with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", login).param("password", PASSWORD).exchange();
    }

    private MfaSignIn.Outcome complete(MockHttpSession session, String code) {
        var request = new MockHttpServletRequest();
        request.setSession(session);
        return signIn.complete(request, new MockHttpServletResponse(), code);
    }

    private String create() {
        return system.callAsSystem(() -> accounts.create(new AccountForm(uniqueLogin(), "登录两步", 1,
                Set.of(Role.MEMBER), Set.of()), PASSWORD)).login();
    }

    private String code(MfaEnrolment enrolment, int steps) throws Exception {
        return new DefaultCodeGenerator().generate(enrolment.manualKey().replace(" ", ""),
                Math.floorDiv(clock.instant().getEpochSecond(), 30) + steps);
    }
}
