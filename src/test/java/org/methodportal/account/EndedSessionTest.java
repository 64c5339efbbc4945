package org.methodportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.PASSWORD;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.methodportal.audit.AuditFilter;
import org.methodportal.audit.AuditService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.shared.TestUsers;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

import jakarta.servlet.http.HttpSession;

/**
 * A browser session of an account changed since sign-in ends at its next request, through the
 * real filter chains: a Vaadin round trip is told to go to the login page, a page load is sent
 * there, and the reason waits in the new session. The API, without sessions, refuses at once.
 */
@ApiTest
class EndedSessionTest {

    private static final String CLICK = "/?v-r=uidl&v-uiId=0";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    SystemAuthentication system;
    @Autowired
    UserDetailsService users;
    @Autowired
    AuditService audit;

    @Test
    void theNextClickOfADemotedAdministratorGoesToTheLoginPageWithTheReason() {
        AccountSummary account = create(Set.of(Role.MEMBER, Role.ADMIN));
        MockHttpSession session = signedIn(account.login());
        // Served by the portal itself rather than Vaadin's servlet, which MockMvc does not run.
        assertThat(mvc.get().uri("/actuator/health").session(session).exchange()).hasStatusOk();
        assertThat(session.isInvalid()).as("an unchanged account's session goes on").isFalse();

        system.runAsSystem(() -> accounts.update(account.id(), new AccountForm(account.login(),
                account.displayName(), account.branchId(), Set.of(Role.MEMBER), Set.of()), account.version()));
        MvcTestResult after = click(session);

        assertThat(after).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat((String) JsonPath.read(body(after), "$.meta.appError.url")).isEqualTo("/login");
        assertThat((Object) JsonPath.read(body(after), "$.meta.appError.caption")).as("no notice, straight there")
                .isNull();
        assertThat(session.isInvalid()).isTrue();
        assertThat(reasonIn(after)).isEqualTo(SessionEndReason.RIGHTS_CHANGED);
        assertThat(system.callAsSystem(() -> audit.find(new AuditFilter(account.login(), "session.ended", null, null,
                null), new PageRequest(0, 10, "occurredAt", false)))).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("RIGHTS_CHANGED"));
    }

    @Test
    void aPageLoadOfADisabledAccountGoesToTheLoginPageWithTheReason() {
        AccountSummary account = create(Set.of(Role.MEMBER));
        MockHttpSession session = signedIn(account.login());

        system.runAsSystem(() -> accounts.setEnabled(account.id(), false, account.version()));
        MvcTestResult page = mvc.get().uri("/methods").accept(MediaType.TEXT_HTML).session(session).exchange();

        assertThat(page).hasStatus(HttpStatus.FOUND);
        assertThat(page.getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(session.isInvalid()).isTrue();
        assertThat(reasonIn(page)).isEqualTo(SessionEndReason.DISABLED);
    }

    @Test
    void theApiRefusesADemotedAndThenADisabledAccountAtOnce() {
        AccountSummary account = create(Set.of(Role.MEMBER, Role.ADMIN));
        assertThat(as(account.login(), mvc.get().uri("/api/v1/accounts")).exchange()).hasStatusOk();

        AccountSummary demoted = system.callAsSystem(() -> accounts.update(account.id(), new AccountForm(
                account.login(), account.displayName(), account.branchId(), Set.of(Role.MEMBER), Set.of()),
                account.version()));
        assertProblem(as(account.login(), mvc.get().uri("/api/v1/accounts")).exchange(), HttpStatus.FORBIDDEN,
                "auth.forbidden");

        system.runAsSystem(() -> accounts.setEnabled(account.id(), false, demoted.version()));
        assertProblem(as(account.login(), mvc.get().uri("/api/v1/me")).exchange(), HttpStatus.UNAUTHORIZED,
                "auth.unauthorized");
    }

    private MvcTestResult click(MockHttpSession session) {
        return mvc.post().uri(CLICK).session(session).contentType(MediaType.APPLICATION_JSON).content("{}").exchange();
    }

    private AccountSummary create(Set<Role> roles) {
        return system.callAsSystem(() -> accounts.create(new AccountForm(TestUsers.uniqueLogin(), "会话测试", 1, roles,
                Set.of()), PASSWORD));
    }

    /** A browser session right after this account signed in through the login page. */
    private MockHttpSession signedIn(String login) {
        PortalUser user = ((PortalUser) users.loadUserByUsername(login)).withoutPassword();
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        return session;
    }

    private static Object reasonIn(MvcTestResult result) {
        HttpSession next = result.getRequest().getSession(false);
        assertThat(next).as("a new session carries the reason").isNotNull();
        return next.getAttribute(SessionEndReason.SESSION_ATTRIBUTE);
    }
}
