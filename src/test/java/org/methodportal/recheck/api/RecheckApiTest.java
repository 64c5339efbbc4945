package org.methodportal.recheck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
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

/** Review-by dates through the API: everyone reads a method's date, reviewers confirm and set due, others may not. */
@ApiTest
class RecheckApiTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void everyoneReadsTheDateReviewersConfirmAndNoOneElseMay() {
        // 审计署's, which reviewer reviews
        long method = publishedId("“支点”工作法");
        MvcTestResult date = as("member", mvc.get().uri("/api/v1/methods/" + method + "/recheck")).exchange();
        assertThat(date).hasStatusOk();
        assertThat(date).bodyJson().extractingPath("$.dueOn").isNotNull();
        assertThat(date).bodyJson().extractingPath("$.departmentName").isEqualTo("审计署");

        assertThat(as("member", mvc.get().uri("/api/v1/rechecks")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(as("member", json(mvc.post().uri("/api/v1/methods/" + method + "/recheck"), "{}")).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertProblem(as("reviewer", json(mvc.post().uri("/api/v1/rechecks/set-due"), """
                {"reason": "政策调整"}""")).exchange(), HttpStatus.UNPROCESSABLE_CONTENT, "recheck.scope-required");
        assertProblem(as("reviewer", json(mvc.post().uri("/api/v1/rechecks/set-due"), """
                {"tag": "不存在的标签", "reason": " "}""")).exchange(), HttpStatus.UNPROCESSABLE_CONTENT,
                "recheck.reason-required");
        assertProblem(as("reviewer", mvc.get().uri("/api/v1/rechecks/settable?category=没有这个类别")).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "method.category-unknown");
        MvcTestResult none = as("reviewer", mvc.get().uri("/api/v1/rechecks/settable?tag=不存在的标签")).exchange();
        assertThat(none).bodyJson().extractingPath("$.methods").isEqualTo(0);

        MvcTestResult confirmed = as("reviewer", json(mvc.post().uri("/api/v1/methods/" + method + "/recheck"), """
                {"note": "对照今年的审计现场管理办法核对，仍然适用"}""")).exchange();
        assertThat(confirmed).hasStatusOk();
        assertThat(confirmed).bodyJson().extractingPath("$.confirmNote").isEqualTo("对照今年的审计现场管理办法核对，仍然适用");
        assertThat(confirmed).bodyJson().extractingPath("$.confirmedByName").isNotNull();
        MvcTestResult due = as("reviewer", mvc.get().uri("/api/v1/rechecks")).exchange();
        assertThat(due).hasStatusOk();
        List<Number> dueIds = JsonPath.read(body(due), "$.content[*].methodId");
        assertThat(dueIds).extracting(Number::longValue).doesNotContain(method);
        assertProblem(as("member", mvc.get().uri("/api/v1/methods/987654321/recheck")).exchange(), HttpStatus.NOT_FOUND,
                "method.not-found");
    }

    private long publishedId(String title) {
        return Api.publishedDemoId(mvc, title);
    }
}
