package org.methodportal.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** Small helpers for calling the API as a demo account and checking its problem details. */
public final class Api {

    public static final String PASSWORD = "portal-demo-2026";

    private Api() {
    }

    public static MockMvcRequestBuilder as(String login, MockMvcRequestBuilder request) {
        return request.with(httpBasic(login, PASSWORD));
    }

    public static MockMvcRequestBuilder json(MockMvcRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    public static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    public static long id(MvcTestResult result) {
        return ((Number) JsonPath.read(body(result), "$.id")).longValue();
    }

    /**
     * The id of a published demo method by its title, read through the API as a member. Another test
     * of the same context imports a second method of the same title, so only the demo's (its source
     * id starts with "seed-") counts.
     */
    public static long publishedDemoId(MockMvcTester mvc, String title) {
        MvcTestResult found = as("member", mvc.get().uri("/api/v1/methods?status=PUBLISHED&size=100")).exchange();
        assertThat(found).hasStatusOk();
        List<Number> ids = JsonPath.read(body(found),
                "$.content[?(@.title == '" + title + "' && @.externalId =~ /seed-.*/)].id");
        assertThat(ids).as(title).hasSize(1);
        return ids.getFirst().longValue();
    }

    public static String eTag(MvcTestResult result) {
        return result.getResponse().getHeader("ETag");
    }

    /**
     * Asserts an RFC 9457 problem with the given status and code, a Chinese detail, and nothing of
     * the server's insides (stack trace, exception class, SQL) in the body.
     */
    public static void assertProblem(MvcTestResult result, HttpStatus status, String code) {
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String body = body(result);
        assertThat((String) JsonPath.read(body, "$.code")).isEqualTo(code);
        assertThat((String) JsonPath.read(body, "$.type")).isEqualTo("/problems/" + code);
        assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(status.value());
        assertThat((String) JsonPath.read(body, "$.detail")).containsPattern("\\p{IsHan}");
        assertNoInternals(body);
    }

    public static void assertNoInternals(String body) {
        assertThat(body).doesNotContainIgnoringCase("exception")
                .doesNotContain("\tat ", "org.", "java.", "trace", "SELECT ");
    }
}
