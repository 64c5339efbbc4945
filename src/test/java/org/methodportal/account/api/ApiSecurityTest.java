package org.methodportal.account.api;

import org.methodportal.shared.api.Api;
import org.methodportal.shared.api.ApiTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
import static org.methodportal.shared.api.Api.id;
import static org.methodportal.shared.api.Api.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

@ApiTest
class ApiSecurityTest {

    private static final String ATTACKER = "127.0.0.2";
    private static final String OWN_PASSWORD = "lantern-ferry-17";

    @Autowired
    MockMvcTester mvc;

    @Test
    void requestWithoutCredentialsGets401ProblemWithChineseDetail() {
        MvcTestResult result = mvc.get().uri("/api/v1/me").exchange();

        assertProblem(result, HttpStatus.UNAUTHORIZED, "auth.unauthorized");
        assertThat(result).headers().containsHeader("WWW-Authenticate");
        assertThat((String) JsonPath.read(body(result), "$.detail")).isEqualTo("登录名或密码不正确，或未提供登录凭据。");
        assertThat(result.getResponse().getCookies()).isEmpty();
    }

    @Test
    void wrongPasswordGets401Problem() {
        MvcTestResult result = mvc.get().uri("/api/v1/me").with(httpBasic("secretary", "not-the-password")).exchange();

        assertProblem(result, HttpStatus.UNAUTHORIZED, "auth.unauthorized");
    }

    @Test
    void memberCallingAdministratorEndpointsGets403Problem() {
        assertProblem(as("member", mvc.get().uri("/api/v1/accounts")).exchange(), HttpStatus.FORBIDDEN, "auth.forbidden");
        assertProblem(as("member", mvc.get().uri("/api/v1/accounts/1")).exchange(), HttpStatus.FORBIDDEN, "auth.forbidden");
        assertProblem(as("member", json(mvc.post().uri("/api/v1/departments"), """
                {"name": "成员不能建的部门"}""")).exchange(), HttpStatus.FORBIDDEN, "auth.forbidden");
        assertProblem(as("secretary", json(mvc.post().uri("/api/v1/branches"), """
                {"departmentId": 1, "name": "书记不能建的党支部"}""")).exchange(), HttpStatus.FORBIDDEN, "auth.forbidden");
        assertProblem(as("reviewer", json(mvc.post().uri("/api/v1/accounts/1/password"), """
                {"password": "a-new-password"}""")).exchange(), HttpStatus.FORBIDDEN, "auth.forbidden");
    }

    @Test
    void membersMayReadDepartmentsAndBranches() {
        assertThat(as("member", mvc.get().uri("/api/v1/departments?q=财政")).exchange()).hasStatusOk()
                .bodyJson().extractingPath("$.content[0].name").isEqualTo("财政部");
        assertThat(as("member", mvc.get().uri("/api/v1/branches")).exchange()).hasStatusOk()
                .bodyJson().extractingPath("$.total").asNumber().satisfies(n -> assertThat(n.intValue()).isPositive());
    }

    @Test
    void afterFiveFailuresFromAnAddressItWaitsWithRetryAfterWhileTheOwnerSignsInFromAnother() {
        // A fresh account, so that the throttle cannot disturb the other tests sharing this database.
        String login = "throttled-" + System.nanoTime();
        as("admin", json(mvc.post().uri("/api/v1/accounts"), """
                {"login": "%s", "displayName": "节流测试", "branchId": 1, "roles": ["MEMBER"], "password": "%s"}"""
                .formatted(login, OWN_PASSWORD))).exchange();

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(mvc.get().uri("/api/v1/me").with(httpBasic(login, "wrong-" + attempt)).with(from(ATTACKER))
                    .exchange(), HttpStatus.UNAUTHORIZED, "auth.unauthorized");
        }
        MvcTestResult sixth = mvc.get().uri("/api/v1/me").with(httpBasic(login, OWN_PASSWORD)).with(from(ATTACKER)).exchange();

        assertProblem(sixth, HttpStatus.TOO_MANY_REQUESTS, "auth.throttled");
        assertThat(sixth).headers().hasValue(HttpHeaders.RETRY_AFTER, "1");
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic(login, OWN_PASSWORD)).with(from("127.0.0.1")).exchange())
                .as("the owner from another address").hasStatusOk();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void apiDocsSwaggerUiAndHealthAnswerWithoutSignIn() {
        assertThat(mvc.get().uri("/v3/api-docs").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/swagger-ui.html").exchange()).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/actuator/health").exchange()).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("UP");
    }

    @Test
    void apiDocsDeclareBearerTokensHttpBasicAndTheEndpoints() {
        MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(result).bodyJson().extractingPath("$.components.securitySchemes.bearerToken.scheme").isEqualTo("bearer");
        assertThat(result).bodyJson().extractingPath("$.security[0]").asMap().containsKey("bearerToken");
        assertThat(result).bodyJson().extractingPath("$.paths").asMap().containsKey("/api/v1/me/tokens");
        assertThat(result).bodyJson().extractingPath("$.components.securitySchemes.basicAuth.type").isEqualTo("http");
        assertThat(result).bodyJson().extractingPath("$.components.securitySchemes.basicAuth.scheme").isEqualTo("basic");
        assertThat(result).bodyJson().extractingPath("$.security[1]").asMap().containsKey("basicAuth");
        assertThat(result).bodyJson().extractingPath("$.paths").asMap()
                .containsKeys("/api/v1/me", "/api/v1/departments", "/api/v1/branches/{id}", "/api/v1/accounts/{id}/password");
        assertThat(result).bodyJson().extractingPath("$.paths['/api/v1/accounts'].post.responses").asMap().containsKey("201");
        assertThat(result).bodyJson().extractingPath("$.info.description").asString().contains("If-Match", "409");
    }

    @Test
    void frameworkErrorsAreProblemsWithoutInternals() {
        MvcTestResult malformed = as("admin", json(mvc.post().uri("/api/v1/departments"), "{not json")).exchange();
        MvcTestResult badId = as("admin", mvc.get().uri("/api/v1/departments/abc")).exchange();
        MvcTestResult unknownPath = as("admin", mvc.get().uri("/api/v1/no-such-thing")).exchange();
        MvcTestResult wrongMethod = as("admin", mvc.delete().uri("/api/v1/departments/1")).exchange();

        Api.assertProblem(malformed, HttpStatus.BAD_REQUEST, "http.400");
        Api.assertProblem(badId, HttpStatus.BAD_REQUEST, "http.400");
        Api.assertProblem(unknownPath, HttpStatus.NOT_FOUND, "http.404");
        Api.assertProblem(wrongMethod, HttpStatus.METHOD_NOT_ALLOWED, "http.405");
        for (MvcTestResult result : new MvcTestResult[] {malformed, badId, unknownPath, wrongMethod}) {
            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
            Api.assertNoInternals(body(result));
        }
    }
}
