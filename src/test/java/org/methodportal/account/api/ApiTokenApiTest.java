package org.methodportal.account.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
import static org.methodportal.shared.api.Api.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

@ApiTest
class ApiTokenApiTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTokenCreatedWithThePasswordSignsInAsBearerAndOnlyItsHashIsStored() throws Exception {
        MvcTestResult created = as("secretary", json(mvc.post().uri("/api/v1/me/tokens"), """
                {"name": "统计脚本", "scopes": ["READ"], "validDays": 30}""")).exchange();

        assertThat(created).hasStatus(HttpStatus.CREATED);
        String secret = JsonPath.read(body(created), "$.secret");
        assertThat(secret).startsWith("mpt_").hasSizeGreaterThan(40);
        assertThat((String) JsonPath.read(body(created), "$.token.prefix")).isEqualTo(secret.substring(0, 12) + "…");
        long id = ((Number) JsonPath.read(body(created), "$.token.id")).longValue();
        assertThat(jdbc.queryForObject("SELECT token_hash FROM api_token WHERE id = ?", String.class, id))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(secret.getBytes(StandardCharsets.UTF_8))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE CONCAT(name, token_hash, token_prefix,"
                + " scopes) LIKE ?", Long.class, "%" + secret + "%")).isZero();

        MvcTestResult me = mvc.get().uri("/api/v1/me").with(bearer(secret)).exchange();
        assertThat(me).hasStatusOk().bodyJson().extractingPath("$.login").isEqualTo("secretary");
        assertThat(me.getResponse().getCookies()).isEmpty();
        assertThat(as("secretary", mvc.get().uri("/api/v1/me/tokens")).exchange()).hasStatusOk()
                .bodyJson().extractingPath("$[?(@.id == " + id + ")].name").asArray().containsExactly("统计脚本");
    }

    @Test
    void scopesNarrowWhatATokenMayDo() {
        String readOnly = create("admin", "[\"READ\"]");
        String readWrite = create("admin", "[\"READ\", \"WRITE\"]");
        String withAdmin = create("admin", "[\"READ\", \"ADMIN\"]");

        assertThat(mvc.get().uri("/api/v1/departments").with(bearer(readOnly)).exchange()).hasStatusOk();
        assertProblem(json(mvc.post().uri("/api/v1/departments"), "{\"name\": \"令牌建的部门\"}").with(bearer(readOnly))
                .exchange(), HttpStatus.FORBIDDEN, "auth.token-scope");
        assertProblem(mvc.get().uri("/api/v1/accounts").with(bearer(readWrite)).exchange(), HttpStatus.FORBIDDEN,
                "auth.forbidden");
        assertThat(mvc.get().uri("/api/v1/accounts").with(bearer(withAdmin)).exchange()).hasStatusOk();
    }

    @Test
    void aMemberCannotGiveATokenAdministratorRights() {
        assertProblem(as("member", json(mvc.post().uri("/api/v1/me/tokens"), """
                {"name": "越权", "scopes": ["ADMIN"]}""")).exchange(), HttpStatus.FORBIDDEN, "token.admin-scope");
        assertProblem(as("member", json(mvc.post().uri("/api/v1/me/tokens"), """
                {"name": "  ", "scopes": ["READ"]}""")).exchange(), HttpStatus.UNPROCESSABLE_ENTITY, "token.name-invalid");
        assertProblem(as("member", json(mvc.post().uri("/api/v1/me/tokens"), """
                {"name": "太久", "scopes": ["READ"], "validDays": 1000}""")).exchange(), HttpStatus.UNPROCESSABLE_ENTITY,
                "token.validity-invalid");
    }

    @Test
    void aTokenCannotManageTokensAndARevokedOneStopsAtOnce() {
        String secret = create("reviewer", "[\"READ\", \"WRITE\"]");
        assertProblem(json(mvc.post().uri("/api/v1/me/tokens"), "{\"name\": \"再造一个\", \"scopes\": [\"READ\"]}")
                .with(bearer(secret)).exchange(), HttpStatus.FORBIDDEN, "token.manage-with-password");
        long id = ((Number) JsonPath.read(body(as("reviewer", mvc.get().uri("/api/v1/me/tokens")).exchange()),
                "$[0].id")).longValue();

        assertThat(as("reviewer", mvc.delete().uri("/api/v1/me/tokens/" + id)).exchange()).hasStatus(HttpStatus.NO_CONTENT);

        MvcTestResult after = mvc.get().uri("/api/v1/me").with(bearer(secret)).exchange();
        assertProblem(after, HttpStatus.UNAUTHORIZED, "auth.token-invalid");
        assertThat(after).headers().hasValue("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        assertProblem(as("member", mvc.delete().uri("/api/v1/me/tokens/" + id)).exchange(), HttpStatus.NOT_FOUND,
                "token.not-found");
    }

    @Test
    void anUnknownTokenIsRefusedAndCallsWithATokenLeaveNoAuditRowEach() {
        assertProblem(mvc.get().uri("/api/v1/me").with(bearer("mpt_not-a-token")).exchange(), HttpStatus.UNAUTHORIZED,
                "auth.token-invalid");
        String secret = create("member", "[\"READ\"]");
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);

        for (int i = 0; i < 5; i++) {
            assertThat(mvc.get().uri("/api/v1/me").with(bearer(secret)).exchange()).hasStatusOk();
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class)).isEqualTo(before);
    }

    private String create(String login, String scopes) {
        MvcTestResult created = as(login, json(mvc.post().uri("/api/v1/me/tokens"),
                "{\"name\": \"测试令牌\", \"scopes\": " + scopes + "}")).exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return JsonPath.read(body(created), "$.secret");
    }

    private static RequestPostProcessor bearer(String secret) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + secret);
            return request;
        };
    }
}
