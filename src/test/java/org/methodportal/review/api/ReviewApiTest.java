package org.methodportal.review.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
import static org.methodportal.shared.api.Api.id;
import static org.methodportal.shared.api.Api.json;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.AfterCommitListeners;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** The workflow through the REST API (design §5), with the same rules as the UI. */
@ApiTest
class ReviewApiTest {

    private static final String SCORES = """
            {"regularity": 4, "pertinence": 5, "operability": 4, "adaptability": 3, "exemplarity": 4, "creativity": 4}""";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    EventPublicationRegistry registry;

    @Test
    void submitReviewPublishAndReadTheRecord() {
        long id = draft("secretary");
        assertProblem(as("secretary", mvc.post().uri("/api/v1/proposals/" + id + "/submit")).exchange(),
                HttpStatus.UNPROCESSABLE_ENTITY, "api.version-required");
        MvcTestResult submitted = as("secretary", mvc.post().uri("/api/v1/proposals/" + id + "/submit"))
                .header("If-Match", "\"1\"").exchange();
        assertThat(submitted).hasStatusOk();
        assertThat(submitted).bodyJson().extractingPath("$.status").isEqualTo("IN_REVIEW");
        assertThat(submitted).bodyJson().extractingPath("$.reviewRound").isEqualTo(1);

        MvcTestResult queue = as("reviewer", mvc.get().uri("/api/v1/reviews/queue?size=100")).exchange();
        assertThat(queue).hasStatusOk();
        assertThat(body(queue)).contains("\"methodId\":" + id);

        assertProblem(review("secretary", id, 1, "APPROVE", null), HttpStatus.FORBIDDEN, "auth.forbidden");
        assertProblem(review("reviewer", id, 2, "APPROVE", null), HttpStatus.CONFLICT, "review.stale");
        assertProblem(review("reviewer", id, 1, "REJECT", null), HttpStatus.UNPROCESSABLE_ENTITY,
                "review.comment-required");
        MvcTestResult approved = review("reviewer", id, 1, "APPROVE", "同意");
        assertThat(approved).hasStatusOk();
        assertThat(approved).bodyJson().extractingPath("$.status").isEqualTo("PUBLISHED");

        MvcTestResult record = as("member", mvc.get().uri("/api/v1/methods/" + id + "/reviews")).exchange();
        assertThat(record).hasStatusOk();
        assertThat(record).bodyJson().extractingPath("$[0].decision").isEqualTo("APPROVE");
        assertThat(record).bodyJson().extractingPath("$[0].scores.pertinence").isEqualTo(5);
        MvcTestResult csv = as("member", mvc.get().uri("/api/v1/methods/" + id + "/reviews")
                .accept("text/csv")).exchange();
        assertThat(csv).hasStatusOk();
        assertThat(body(csv)).contains("regularity", "王审核", "APPROVE", "\"同意\"");

        AfterCommitListeners.awaitMethodEvents(registry);
        MvcTestResult notifications = as("secretary", mvc.get().uri("/api/v1/notifications?unread=true")).exchange();
        assertThat(body(notifications)).contains("method.published");
        assertThat(notifications).bodyJson().extractingPath("$.content[0].link").isEqualTo("methods/" + id);
        long notification = ((Number) JsonPath.read(body(notifications), "$.content[0].id")).longValue();
        assertProblem(as("reviewer", mvc.post().uri("/api/v1/notifications/" + notification + "/read")).exchange(),
                HttpStatus.NOT_FOUND, "notification.not-found");
        assertThat(as("secretary", mvc.post().uri("/api/v1/notifications/read-all")).exchange()).hasStatusOk()
                .bodyJson().extractingPath("$.unread").isEqualTo(0);
    }

    @Test
    void changeRequestsArchiveAndRestore() {
        long id = draft("secretary");
        as("secretary", mvc.post().uri("/api/v1/proposals/" + id + "/submit")).header("If-Match", "\"1\"").exchange();
        review("reviewer", id, 1, "APPROVE", null);

        assertProblem(as("member", json(mvc.post().uri("/api/v1/methods/" + id + "/proposals"), proposal("成员改")))
                .exchange(), HttpStatus.FORBIDDEN, "workflow.secretary-only");
        MvcTestResult change = as("secretary2", json(mvc.post().uri("/api/v1/methods/" + id + "/proposals"),
                proposal("书记改"))).exchange();
        assertThat(change).hasStatus(HttpStatus.CREATED);
        assertThat(change).bodyJson().extractingPath("$.changeOf").isEqualTo((int) id);
        long request = id(change);
        assertThat(body(as("reviewer", mvc.get().uri("/api/v1/methods/" + id + "/proposals")).exchange()))
                .contains("\"id\":" + request);
        assertThat(body(as("member", mvc.get().uri("/api/v1/methods/" + id + "/proposals")).exchange()))
                .isEqualTo("[]");

        assertProblem(as("member", mvc.post().uri("/api/v1/methods/" + id + "/archive")).exchange(),
                HttpStatus.FORBIDDEN, "auth.forbidden");
        assertThat(as("reviewer2", mvc.post().uri("/api/v1/methods/" + id + "/archive")).exchange()).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("ARCHIVED");
        assertProblem(as("reviewer2", mvc.post().uri("/api/v1/methods/" + id + "/archive")).exchange(),
                HttpStatus.CONFLICT, "workflow.not-in-status");
        assertThat(as("admin", mvc.post().uri("/api/v1/methods/" + id + "/restore")).exchange()).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("PUBLISHED");
    }

    @Test
    void onlyAdministratorsChangeTheApprovalsRequired() {
        assertProblem(as("reviewer", json(mvc.put().uri("/api/v1/review-settings"), "{\"approvalsRequired\": 2}"))
                .exchange(), HttpStatus.FORBIDDEN, "auth.forbidden");
        assertProblem(as("admin", json(mvc.put().uri("/api/v1/review-settings"), "{\"approvalsRequired\": 9}"))
                .exchange(), HttpStatus.UNPROCESSABLE_ENTITY, "review.quorum-range");
        assertThat(as("admin", mvc.get().uri("/api/v1/review-settings")).exchange()).hasStatusOk()
                .bodyJson().extractingPath("$.global").isEqualTo(1);
    }

    @Test
    void aRebaseWithConflictsAnswers409WithTheConflictsAndTakesResolutions() {
        long id = draft("secretary");
        as("secretary", mvc.post().uri("/api/v1/proposals/" + id + "/submit")).header("If-Match", "\"1\"").exchange();
        assertThat(review("reviewer", id, 1, "APPROVE", null)).hasStatusOk();
        long first = changeRequest("secretary", id, "甲的成效");
        long second = changeRequest("secretary2", id, "乙的成效");
        as("secretary", mvc.post().uri("/api/v1/proposals/" + first + "/submit")).header("If-Match", "\"1\"")
                .exchange();
        assertThat(review("reviewer", first, 1, "APPROVE", null)).hasStatusOk();
        MvcTestResult stale = as("secretary2", mvc.get().uri("/api/v1/methods/" + second)).exchange();
        assertThat(stale).bodyJson().extractingPath("$.baseOutdated").isEqualTo(true);

        MvcTestResult conflict = as("secretary2", mvc.post().uri("/api/v1/proposals/" + second + "/rebase")).exchange();
        assertProblem(conflict, HttpStatus.CONFLICT, "proposal.rebase-conflicts");
        assertThat(conflict).bodyJson().extractingPath("$.currentRevision").isEqualTo(2);
        assertThat(conflict).bodyJson().extractingPath("$.conflicts[0].field").isEqualTo("OUTCOMES");
        assertThat(conflict).bodyJson().extractingPath("$.conflicts[0].theirs[0]").isEqualTo("甲的成效");
        assertThat(conflict).bodyJson().extractingPath("$.conflicts[0].mine[0]").isEqualTo("乙的成效");
        MvcTestResult plan = as("secretary2", mvc.get().uri("/api/v1/proposals/" + second + "/rebase")).exchange();
        assertThat(JsonPath.<java.util.List<String>>read(body(plan), "$.publishedChanges")).contains("OUTCOMES");
        assertThat(plan).bodyJson().extractingPath("$.clean").isEqualTo(false);
        assertProblem(as("secretary2", json(mvc.post().uri("/api/v1/proposals/" + second + "/rebase/resolutions"),
                "{\"requestRevision\": 1, \"currentRevision\": 2, \"resolutions\": []}")).exchange(),
                HttpStatus.UNPROCESSABLE_ENTITY, "proposal.rebase-unresolved");

        MvcTestResult resolved = as("secretary2", json(mvc.post().uri("/api/v1/proposals/" + second
                + "/rebase/resolutions"), """
                {"requestRevision": 1, "currentRevision": 2,
                 "resolutions": [{"conflict": 0, "choice": "EDITED", "values": ["甲乙合写的成效"]}]}""")).exchange();
        assertThat(resolved).hasStatusOk();
        assertThat(resolved).bodyJson().extractingPath("$.outcomes").isEqualTo("甲乙合写的成效");
        assertThat(resolved).bodyJson().extractingPath("$.basePublishedRevision").isEqualTo(2);
        assertThat(resolved).bodyJson().extractingPath("$.baseOutdated").isEqualTo(false);
    }

    private long changeRequest(String login, long id, String outcomes) {
        return id(as(login, json(mvc.post().uri("/api/v1/methods/" + id + "/proposals"), """
                {"title": "接诉即办", "category": "践行群众路线", "problem": "群众诉求响应慢",
                 "measures": ["建立台账"], "steps": ["受理", "办结", "回访"], "outcomes": "%s"}"""
                .formatted(outcomes))).exchange());
    }

    private long draft(String login) {
        return id(as(login, json(mvc.post().uri("/api/v1/proposals"), proposal("接诉即办" + UUID.randomUUID())))
                .exchange());
    }

    private MvcTestResult review(String login, long id, int revision, String decision, String comment) {
        String body = """
                {"revision": %d, "decision": "%s", "scores": %s, "comment": %s}"""
                .formatted(revision, decision, SCORES, comment == null ? "null" : "\"" + comment + "\"");
        return as(login, json(mvc.post().uri("/api/v1/proposals/" + id + "/reviews"), body)).exchange();
    }

    private static String proposal(String title) {
        return """
                {"title": "%s", "category": "践行群众路线", "problem": "群众诉求响应慢",
                 "measures": ["建立台账"], "steps": ["受理", "办结", "回访"], "changeNote": "初稿"}""".formatted(title);
    }
}
