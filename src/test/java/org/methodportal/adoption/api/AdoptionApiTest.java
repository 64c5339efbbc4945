package org.methodportal.adoption.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
import static org.methodportal.shared.api.Api.id;
import static org.methodportal.shared.api.Api.json;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** A secretary adopts a published demo method for their branch through the API and reports on it. */
@ApiTest
class AdoptionApiTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aSecretaryAdoptsReportsAndEveryoneSeesWhereTheMethodIsUsed() {
        long method = publishedId("“共建共享”工作法");
        MvcTestResult adopted = as("secretary2", json(mvc.post().uri("/api/v1/methods/" + method + "/adoptions"),
                """
                {"startedOn": "2026-11-01", "plan": "先在两个处室试行"}""")).exchange();
        assertThat(adopted).hasStatus(HttpStatus.CREATED);
        assertThat(adopted).bodyJson().extractingPath("$.branchName").isEqualTo("种植业管理司党支部");
        long adoption = id(adopted);

        assertProblem(as("secretary2", json(mvc.post().uri("/api/v1/methods/" + method + "/adoptions"), "{}"))
                .exchange(), HttpStatus.CONFLICT, "adoption.already-open");
        assertThat(as("member", json(mvc.post().uri("/api/v1/methods/" + method + "/adoptions"), "{}")).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertProblem(as("secretary", json(mvc.post().uri("/api/v1/adoptions/" + adoption + "/reports"), """
                {"status": "EFFECTIVE", "outcome": "不是本支部的", "rating": 5}""")).exchange(),
                HttpStatus.FORBIDDEN, "adoption.not-own-branch");
        assertProblem(as("secretary2", json(mvc.post().uri("/api/v1/adoptions/" + adoption + "/reports"), """
                {"status": "EFFECTIVE", "outcome": "见效", "rating": 9}""")).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "adoption.rating-invalid");

        MvcTestResult reported = as("secretary2", json(mvc.post().uri("/api/v1/adoptions/" + adoption + "/reports"), """
                {"status": "EFFECTIVE", "outcome": "共建项目落地三个", "rating": 4, "participants": 26}""")).exchange();
        assertThat(reported).hasStatus(HttpStatus.CREATED);
        assertThat(reported).bodyJson().extractingPath("$.participants").isEqualTo(26);

        MvcTestResult summary = as("member", mvc.get().uri("/api/v1/methods/" + method + "/adoptions/summary")).exchange();
        assertThat(summary).hasStatusOk();
        assertThat(summary).bodyJson().extractingPath("$.adoptingBranches").isEqualTo(1);
        assertThat(summary).bodyJson().extractingPath("$.averageRating").isEqualTo(4.0);
        assertThat(summary).bodyJson().extractingPath("$.latestReports[0].outcome").isEqualTo("共建项目落地三个");
        MvcTestResult list = as("member", mvc.get().uri("/api/v1/methods/" + method + "/adoptions")).exchange();
        assertThat(list).bodyJson().extractingPath("$.content[0].latestStatus").isEqualTo("EFFECTIVE");
        assertThat(as("member", mvc.get().uri("/api/v1/adoptions/" + adoption + "/reports")).exchange())
                .bodyJson().extractingPath("$[0].rating").isEqualTo(4);
        assertProblem(as("member", mvc.get().uri("/api/v1/adoptions/987654321")).exchange(), HttpStatus.NOT_FOUND,
                "adoption.not-found");
    }

    private long publishedId(String title) {
        MvcTestResult found = as("member", mvc.get().uri("/api/v1/methods?status=PUBLISHED&size=100")).exchange();
        assertThat(found).hasStatusOk();
        java.util.List<Number> ids = JsonPath.read(body(found), "$.content[?(@.title == '" + title + "')].id");
        assertThat(ids).as(title).hasSize(1);
        return ids.getFirst().longValue();
    }
}
