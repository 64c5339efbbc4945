package org.methodportal.merge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
import static org.methodportal.shared.api.Api.id;
import static org.methodportal.shared.api.Api.json;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** The merge API (总结提炼): start, compose, submit, approval by another reviewer, provenance, unmerge. */
@ApiTest
class MergeApiTest {

    private static final String SCORES = """
            {"regularity": 4, "pertinence": 4, "operability": 4, "adaptability": 4, "exemplarity": 4, "creativity": 4}""";

    @Autowired
    MockMvcTester mvc;

    @Test
    void reviewerMergesTwoDraftsAnotherApprovesAndTheEntryListsItsSources() {
        long first = draft("secretary", "来源甲");
        long second = draft("secretary", "来源乙");

        MvcTestResult started = start("reviewer", "{\"sourceIds\": [%d, %d]}".formatted(first, second));
        assertThat(started).hasStatus(HttpStatus.CREATED).headers().hasValue("ETag", "\"1\"");
        long merge = id(started);
        assertThat(started).headers().hasValue("Location", "/api/v1/merges/" + merge);
        assertThat(JsonPath.<List<Integer>>read(body(started), "$.sources[*].id")).containsExactly((int) first,
                (int) second);

        MvcTestResult draft = as("reviewer", mvc.get().uri("/api/v1/merges/" + merge)).exchange();
        assertThat(draft).hasStatusOk();
        assertThat(JsonPath.<List<Integer>>read(body(draft), "$.sources[*].methodId")).containsExactly((int) first,
                (int) second);

        String title = "标准条目" + UUID.randomUUID().toString().substring(0, 6);
        MvcTestResult composed = as("reviewer", json(mvc.put().uri("/api/v1/merges/" + merge), proposal(title)))
                .header("If-Match", "\"1\"").exchange();
        assertThat(composed).hasStatusOk().headers().hasValue("ETag", "\"2\"");
        assertThat(as("reviewer", mvc.post().uri("/api/v1/merges/" + merge + "/submit")).header("If-Match", "\"2\"")
                .exchange()).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("IN_REVIEW");

        assertProblem(review("reviewer", merge), HttpStatus.FORBIDDEN, "review.self-review");
        assertThat(review("reviewer2", merge)).hasStatusOk();

        MvcTestResult entry = as("member", mvc.get().uri("/api/v1/methods/" + merge)).exchange();
        assertThat(entry).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("PUBLISHED");
        assertThat(entry).bodyJson().extractingPath("$.sources").asArray()
                .as("the raw drafts stay private to members").isEmpty();
        MvcTestResult asReviewer = as("reviewer2", mvc.get().uri("/api/v1/methods/" + merge)).exchange();
        assertThat(JsonPath.<List<Integer>>read(body(asReviewer), "$.sources[*].id")).containsExactly((int) first,
                (int) second);
        assertThat(JsonPath.<List<String>>read(body(asReviewer), "$.sources[*].status"))
                .containsExactly("MERGED_INTO", "MERGED_INTO");
        MvcTestResult source = as("secretary", mvc.get().uri("/api/v1/methods/" + first)).exchange();
        assertThat(source).bodyJson().extractingPath("$.mergedInto.id").isEqualTo((int) merge);
        assertThat(source).bodyJson().extractingPath("$.mergedInto.title").isEqualTo(title);

        assertProblem(as("secretary", json(mvc.put().uri("/api/v1/proposals/" + first), proposal("再改")))
                .header("If-Match", "\"1\"").exchange(), HttpStatus.CONFLICT, "workflow.merged-into");

        assertProblem(as("reviewer", json(mvc.post().uri("/api/v1/methods/" + merge + "/unmerge"),
                "{\"reason\": \"误合并\"}")).exchange(), HttpStatus.FORBIDDEN, "auth.forbidden");
        assertProblem(as("admin", json(mvc.post().uri("/api/v1/methods/" + merge + "/unmerge"), "{}")).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "merge.reason-required");
        MvcTestResult undone = as("admin", json(mvc.post().uri("/api/v1/methods/" + merge + "/unmerge"),
                "{\"reason\": \"误合并\"}")).exchange();
        assertThat(undone).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("ARCHIVED");
        assertThat(as("secretary", mvc.get().uri("/api/v1/methods/" + first)).exchange()).bodyJson()
                .extractingPath("$.status").isEqualTo("DRAFT");
    }

    @Test
    void startErrorsAreProblemsWithStableCodes() {
        long first = draft("secretary", "来源丙");
        long agriculture = draft("secretary2", "农业部来源");

        assertProblem(start("reviewer", "{\"sourceIds\": [%d]}".formatted(first)), HttpStatus.UNPROCESSABLE_CONTENT,
                "merge.too-few-sources");
        assertProblem(start("reviewer", "{}"), HttpStatus.UNPROCESSABLE_CONTENT, "merge.too-few-sources");
        assertProblem(start("reviewer", "{\"sourceIds\": [null, %d]}".formatted(first)),
                HttpStatus.UNPROCESSABLE_CONTENT, "merge.too-few-sources");
        assertProblem(start("reviewer2", "{\"sourceIds\": [%d, %d]}".formatted(first, agriculture)),
                HttpStatus.NOT_FOUND, "merge.source-not-found");
        assertThat(start("reviewer", "{\"sourceIds\": [%d, %d]}".formatted(first, agriculture)))
                .hasStatus(HttpStatus.CREATED);
        long other = draft("secretary", "来源丁");
        assertProblem(start("reviewer2", "{\"sourceIds\": [%d, %d]}".formatted(other, first)), HttpStatus.CONFLICT,
                "merge.source-in-merge");
        assertProblem(start("secretary", "{\"sourceIds\": [%d, %d]}".formatted(other, first)), HttpStatus.FORBIDDEN,
                "auth.forbidden");
        assertProblem(as("reviewer", mvc.get().uri("/api/v1/merges/" + other)).exchange(), HttpStatus.NOT_FOUND,
                "merge.not-found");
    }

    private MvcTestResult start(String login, String body) {
        return as(login, json(mvc.post().uri("/api/v1/merges"), body)).exchange();
    }

    private MvcTestResult review(String login, long id) {
        String body = """
                {"revision": 2, "decision": "APPROVE", "scores": %s, "comment": "同意"}""".formatted(SCORES);
        return as(login, json(mvc.post().uri("/api/v1/proposals/" + id + "/reviews"), body)).exchange();
    }

    private long draft(String login, String title) {
        return id(as(login, json(mvc.post().uri("/api/v1/proposals"), proposal(title + UUID.randomUUID())))
                .exchange());
    }

    private static String proposal(String title) {
        return """
                {"title": "%s", "category": "践行群众路线", "problem": "群众诉求响应慢",
                 "measures": ["建立台账"], "steps": ["受理", "办结", "回访"], "changeNote": "初稿"}""".formatted(title);
    }
}
