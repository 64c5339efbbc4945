package org.methodportal.account.api;

import org.methodportal.shared.api.Api;
import org.methodportal.shared.api.ApiTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
import static org.methodportal.shared.api.Api.eTag;
import static org.methodportal.shared.api.Api.id;
import static org.methodportal.shared.api.Api.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@ApiTest
class AccountApiTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void adminCreatesAccountThatSignsInWithItsInitialPassword() {
        MvcTestResult created = createAccount("zhao.li", "赵立", "initial-secret-1");

        assertThat(created).hasStatus(HttpStatus.CREATED).headers().hasValue("ETag", "\"0\"");
        assertThat(created).headers().hasValue("Location", "/api/v1/accounts/" + id(created));
        assertThat(created).bodyJson().extractingPath("$.branchName").isEqualTo("预算司党支部");
        assertThat(created).bodyJson().extractingPath("$.roles").asArray().containsExactly("MEMBER");
        assertThat(body(created)).doesNotContain("initial-secret-1").doesNotContainIgnoringCase("passwordHash");
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("zhao.li", "initial-secret-1")).exchange())
                .hasStatusOk().bodyJson().extractingPath("$.displayName").isEqualTo("赵立");
    }

    @Test
    void duplicateLoginGets409Problem() {
        assertProblem(createAccount("member", "又一个党员", "initial-secret-1"), HttpStatus.CONFLICT,
                "account.login-taken");
    }

    @Test
    void invalidAccountDataGets422Problem() {
        MvcTestResult missing = as("admin", json(mvc.post().uri("/api/v1/accounts"), """
                {"login": "", "displayName": "无名", "roles": []}""")).exchange();
        MvcTestResult shortPassword = createAccount("short.pw", "短密码", "short");

        assertProblem(missing, HttpStatus.UNPROCESSABLE_CONTENT, "validation");
        assertThat(missing).bodyJson().extractingPath("$.errors").asArray()
                .containsExactlyInAnyOrder("login", "branchId", "roles", "password");
        assertProblem(shortPassword, HttpStatus.UNPROCESSABLE_CONTENT, "account.password-too-short");
    }

    @Test
    void adminListsAccountsByRoleAndText() {
        MvcTestResult reviewers = as("admin", mvc.get().uri("/api/v1/accounts?role=REVIEWER&sort=login")).exchange();

        assertThat(reviewers).hasStatusOk();
        assertThat(reviewers).bodyJson().extractingPath("$.content[*].login").asArray()
                .containsExactly("reviewer", "reviewer2");
        // Pinyin initials of 张党员.
        assertThat(as("admin", mvc.get().uri("/api/v1/accounts?q=zdy")).exchange())
                .bodyJson().extractingPath("$.content[0].login").isEqualTo("member");
    }

    @Test
    void updateChangesRolesAndReturnsTheNextETag() {
        MvcTestResult created = createAccount("qian.yu", "钱宇", "initial-secret-1");
        long id = id(created);

        MvcTestResult updated = as("admin", json(mvc.put().uri("/api/v1/accounts/" + id), """
                {"displayName": "钱宇", "branchId": 1, "roles": ["MEMBER", "SECRETARY"]}"""))
                .header("If-Match", eTag(created)).exchange();

        assertThat(updated).hasStatusOk().headers().hasValue("ETag", "\"1\"");
        assertThat(updated).bodyJson().extractingPath("$.roles").asArray().containsExactlyInAnyOrder("MEMBER", "SECRETARY");
        assertThat(updated).bodyJson().extractingPath("$.login").isEqualTo("qian.yu");
    }

    @Test
    void staleAccountUpdateGets409Problem() {
        MvcTestResult created = createAccount("sun.yan", "孙燕", "initial-secret-1");
        long id = id(created);
        as("admin", json(mvc.post().uri("/api/v1/accounts/" + id + "/disable"), "{\"version\": 0}")).exchange();

        MvcTestResult stale = as("admin", json(mvc.put().uri("/api/v1/accounts/" + id), """
                {"displayName": "孙艳", "branchId": 1, "roles": ["MEMBER"], "version": 0}""")).exchange();

        assertProblem(stale, HttpStatus.CONFLICT, "account.stale");
    }

    @Test
    void disabledAccountCannotSignInUntilEnabledAgain() {
        MvcTestResult created = createAccount("zhou.ming", "周明", "initial-secret-1");
        long id = id(created);

        MvcTestResult disabled = as("admin", mvc.post().uri("/api/v1/accounts/" + id + "/disable"))
                .header("If-Match", eTag(created)).exchange();

        assertThat(disabled).hasStatusOk().bodyJson().extractingPath("$.enabled").isEqualTo(false);
        assertProblem(mvc.get().uri("/api/v1/me").with(httpBasic("zhou.ming", "initial-secret-1")).exchange(),
                HttpStatus.UNAUTHORIZED, "auth.unauthorized");
        assertThat(as("admin", mvc.post().uri("/api/v1/accounts/" + id + "/enable"))
                .header("If-Match", eTag(disabled)).exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("zhou.ming", "initial-secret-1")).exchange())
                .hasStatusOk();
    }

    @Test
    void adminCannotDisableOwnAccount() {
        MvcTestResult me = as("admin", mvc.get().uri("/api/v1/me")).exchange();
        MvcTestResult own = as("admin", mvc.get().uri("/api/v1/accounts/" + id(me))).exchange();

        assertProblem(as("admin", mvc.post().uri("/api/v1/accounts/" + id(me) + "/disable"))
                .header("If-Match", eTag(own)).exchange(), HttpStatus.UNPROCESSABLE_CONTENT, "account.cannot-disable-self");
    }

    @Test
    void passwordResetReplacesTheOldPassword() {
        long id = id(createAccount("wu.fang", "吴芳", "initial-secret-1"));

        assertThat(as("admin", json(mvc.post().uri("/api/v1/accounts/" + id + "/password"), """
                {"password": "brand-new-secret"}""")).exchange()).hasStatus(HttpStatus.NO_CONTENT);

        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("wu.fang", "brand-new-secret")).exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("wu.fang", "initial-secret-1")).exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void unknownAccountGets404Problem() {
        assertProblem(as("admin", mvc.get().uri("/api/v1/accounts/999999")).exchange(), HttpStatus.NOT_FOUND,
                "account.not-found");
    }

    /** An account in branch 1 (财政部 / 预算司党支部 in the demo data). */
    private MvcTestResult createAccount(String login, String displayName, String password) {
        return as("admin", json(mvc.post().uri("/api/v1/accounts"), """
                {"login": "%s", "displayName": "%s", "branchId": 1, "roles": ["MEMBER"], "password": "%s"}"""
                .formatted(login, displayName, password))).exchange();
    }
}
