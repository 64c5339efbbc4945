package org.methodportal.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.id;
import static org.methodportal.shared.api.Api.json;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.AfterCommitListeners;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@ApiTest
class WatchApiTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    EventPublicationRegistry registry;

    @Test
    void theAuthorWatchesTheirDraftAndAReviewerCanWatchAndUnwatchIt() {
        long id = draft("关注接口");
        AfterCommitListeners.awaitMethodEvents(registry);
        assertState(as("secretary", mvc.get().uri(watch(id))).exchange(), id, true);

        assertState(as("reviewer", mvc.get().uri(watch(id))).exchange(), id, false);
        assertState(as("reviewer", mvc.post().uri(watch(id))).exchange(), id, true);
        assertState(as("reviewer", mvc.get().uri(watch(id))).exchange(), id, true);
        assertState(as("reviewer", mvc.delete().uri(watch(id))).exchange(), id, false);
        assertState(as("reviewer", mvc.get().uri(watch(id))).exchange(), id, false);
    }

    @Test
    void aMethodTheCallerMayNotSeeIsNotFound() {
        long id = draft("看不见的草稿");
        assertProblem(as("member", mvc.get().uri(watch(id))).exchange(), HttpStatus.NOT_FOUND, "method.not-found");
        assertProblem(as("member", mvc.post().uri(watch(id))).exchange(), HttpStatus.NOT_FOUND, "method.not-found");
        assertProblem(as("secretary2", mvc.delete().uri(watch(id))).exchange(), HttpStatus.NOT_FOUND,
                "method.not-found");
        assertProblem(as("member", mvc.get().uri(watch(987_654_321L))).exchange(), HttpStatus.NOT_FOUND,
                "method.not-found");
    }

    @Test
    void signingInIsRequired() {
        assertThat(mvc.get().uri(watch(1)).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private long draft(String title) {
        MvcTestResult created = as("secretary", json(mvc.post().uri("/api/v1/proposals"), """
                {"title": "%s", "summary": "摘要", "category": "MASS_LINE", "problem": "机关服务与基层需求脱节",
                 "concept": "服务基层", "measures": ["对接需求"], "steps": ["调研"], "outcomes": "满意度提高",
                 "applicability": "各部委", "tags": ["关注"], "body": "正文"}""".formatted(title))).exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return id(created);
    }

    private static String watch(long id) {
        return "/api/v1/methods/" + id + "/watch";
    }

    private static void assertState(MvcTestResult result, long id, boolean watching) {
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.methodId").asNumber().isEqualTo((int) id);
        assertThat(result).bodyJson().extractingPath("$.watching").isEqualTo(watching);
    }
}
