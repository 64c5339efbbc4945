package org.methodportal.promotion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
import static org.methodportal.shared.api.Api.id;
import static org.methodportal.shared.api.Api.json;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.api.Api;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** A reviewer designates and promotes through the API, a secretary decides, the coverage counts it. */
@ApiTest
class PromotionApiTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aReviewerPromotesASecretaryDecidesAndTheCoverageCountsIt() {
        // 审计署's, which reviewer reviews
        long method = publishedId("“支点”工作法");
        long finance = departmentId("财政部");

        assertThat(as("member", json(mvc.put().uri("/api/v1/methods/" + method + "/exemplar"), """
                {"reason": "样板"}""")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
        MvcTestResult designated = as("reviewer", json(mvc.put().uri("/api/v1/methods/" + method + "/exemplar"), """
                {"reason": "临时党支部建在审计一线的样板"}""")).exchange();
        assertThat(designated).hasStatusOk();
        assertThat(as("member", mvc.get().uri("/api/v1/methods/" + method + "/exemplar")).exchange())
                .bodyJson().extractingPath("$.reason").isEqualTo("临时党支部建在审计一线的样板");

        assertProblem(as("reviewer", json(mvc.post().uri("/api/v1/methods/" + method + "/promotions"), """
                {"allBranches": true}""")).exchange(), HttpStatus.FORBIDDEN, "promotion.all-admin-only");
        MvcTestResult started = as("reviewer", json(mvc.post().uri("/api/v1/methods/" + method + "/promotions"),
                "{\"message\": \"请各支部学习\", \"departmentIds\": [" + finance + "]}")).exchange();
        assertThat(started).hasStatus(HttpStatus.CREATED);
        long promotion = id(started);

        MvcTestResult tasks = as("secretary", mvc.get().uri("/api/v1/promotions/tasks")).exchange();
        List<Number> taskIds = JsonPath.read(body(tasks), "$.content[*].id");
        assertThat(taskIds).extracting(Number::longValue).contains(promotion);
        assertProblem(as("secretary2", json(mvc.post().uri("/api/v1/promotions/" + promotion + "/decision"), """
                {"decision": "ADOPT"}""")).exchange(), HttpStatus.FORBIDDEN, "promotion.not-targeted");
        assertProblem(as("secretary", json(mvc.post().uri("/api/v1/promotions/" + promotion + "/decision"), """
                {"reason": "无"}""")).exchange(), HttpStatus.UNPROCESSABLE_CONTENT, "promotion.decision-required");
        MvcTestResult decided = as("secretary", json(mvc.post().uri("/api/v1/promotions/" + promotion + "/decision"), """
                {"decision": "ADOPT", "reason": "先在预算执行环节试行"}""")).exchange();
        assertThat(decided).hasStatusOk();
        assertThat(decided).bodyJson().extractingPath("$.branchName").isEqualTo("预算司党支部");
        assertProblem(as("secretary", json(mvc.post().uri("/api/v1/promotions/" + promotion + "/decision"), """
                {"decision": "DECLINE", "reason": "改主意"}""")).exchange(), HttpStatus.CONFLICT,
                "promotion.decided-already");

        assertThat(as("member", mvc.get().uri("/api/v1/promotions/" + promotion + "/coverage")).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        MvcTestResult coverage = as("reviewer", mvc.get().uri("/api/v1/promotions/" + promotion + "/coverage")).exchange();
        assertThat(coverage).hasStatusOk();
        assertThat(coverage).bodyJson().extractingPath("$.departments[0].departmentName").isEqualTo("财政部");
        assertThat(coverage).bodyJson().extractingPath("$.total.decided").isEqualTo(1);
        assertThat(coverage).bodyJson().extractingPath("$.total.adopted").isEqualTo(1);
        MvcTestResult view = as("secretary", mvc.get().uri("/api/v1/promotions/" + promotion)).exchange();
        assertThat(view).bodyJson().extractingPath("$.ownDecision.decision").isEqualTo("ADOPT");
        assertThat(view).bodyJson().extractingPath("$.departments[0]").isEqualTo("财政部");
        assertProblem(as("member", mvc.get().uri("/api/v1/promotions/987654321")).exchange(), HttpStatus.NOT_FOUND,
                "promotion.not-found");
    }

    private long publishedId(String title) {
        return Api.publishedDemoId(mvc, title);
    }

    private long departmentId(String name) {
        MvcTestResult found = as("member", mvc.get().uri("/api/v1/methods?status=PUBLISHED&size=100")).exchange();
        List<Number> ids = JsonPath.read(body(found), "$.content[?(@.department == '" + name + "')].departmentId");
        assertThat(ids).as(name).isNotEmpty();
        return ids.getFirst().longValue();
    }
}
