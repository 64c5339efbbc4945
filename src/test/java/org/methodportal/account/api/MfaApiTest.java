package org.methodportal.account.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.TestUsers.signInAs;
import static org.methodportal.shared.TestUsers.uniqueLogin;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Clock;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.AccountForm;
import org.methodportal.account.AccountService;
import org.methodportal.account.ApiTokenScope;
import org.methodportal.account.ApiTokenService;
import org.methodportal.account.BranchFilter;
import org.methodportal.account.MfaEnrolment;
import org.methodportal.account.MfaService;
import org.methodportal.account.OrganisationService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.Role;
import org.methodportal.shared.TestUsers;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.samstevens.totp.code.DefaultCodeGenerator;

@ApiTest
class MfaApiTest {

    private static final String PASSWORD = "lantern-ferry-17";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    OrganisationService organisation;
    @Autowired
    MfaService mfa;
    @Autowired
    ApiTokenService tokens;
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
    void anAccountWithASecondFactorIsToldToUseATokenAndItsTokensKeepWorking() throws Exception {
        signInAs(users, securityContexts, "admin");
        String login = uniqueLogin();
        long branch = organisation.findBranches(BranchFilter.none(), new PageRequest(0, 1, "name", true))
                .getFirst().id();
        accounts.create(new AccountForm(login, "接口两步", branch, Set.of(Role.MEMBER), Set.of()), PASSWORD);
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic(login, PASSWORD)).exchange()).hasStatusOk();
        signInAs(users, securityContexts, login);

        String secret = tokens.create("两步之后", Set.of(ApiTokenScope.READ), 30).secret();
        MfaEnrolment enrolment = mfa.startEnrolment();
        mfa.confirmEnrolment(new DefaultCodeGenerator().generate(enrolment.manualKey().replace(" ", ""),
                Math.floorDiv(clock.instant().getEpochSecond(), 30)));
        securityContexts.clearContext();

        var refused = mvc.get().uri("/api/v1/me").with(httpBasic(login, PASSWORD)).exchange();
        assertProblem(refused, HttpStatus.UNAUTHORIZED, "auth.mfa-required");
        assertProblem(mvc.get().uri("/api/v1/me").with(httpBasic(login, "wrong-password-1")).exchange(),
                HttpStatus.UNAUTHORIZED, "auth.unauthorized");
        assertThat(mvc.get().uri("/api/v1/me").with(request -> {
            request.addHeader("Authorization", "Bearer " + secret);
            return request;
        }).exchange()).hasStatusOk().bodyJson().extractingPath("$.login").isEqualTo(login);
    }
}
