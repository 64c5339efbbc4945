package org.methodportal.statistics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The figures as JSON and CSV, with the same access rules as the view. */
@ApiTest
class StatisticsApiTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void membersGetTheSummaryAndAdministratorsEveryFigure() {
        MvcTestResult member = as("member", mvc.get().uri("/api/v1/statistics?period=all")).exchange();
        assertThat(member).hasStatusOk();
        assertThat(member).bodyJson().extractingPath("$.scope").isEqualTo("SUMMARY");
        assertThat(member).bodyJson().extractingPath("$.detail").isNull();
        assertThat(member).bodyJson().extractingPath("$.summary.publishedByCategory").asArray().isNotEmpty();

        MvcTestResult admin = as("admin", mvc.get().uri("/api/v1/statistics?from=2020-01&to=2030-12")).exchange();
        assertThat(admin).hasStatusOk();
        assertThat(admin).bodyJson().extractingPath("$.scope").isEqualTo("ALL");
        assertThat(admin).bodyJson().extractingPath("$.firstMonth").isEqualTo("2020-01");
        assertThat(admin).bodyJson().extractingPath("$.detail.byDepartment").asArray().isNotEmpty();
        assertThat(admin).bodyJson().extractingPath("$.detail.months").asArray().hasSize(132);

        MvcTestResult reviewer = as("reviewer", mvc.get().uri("/api/v1/statistics?period=all")).exchange();
        assertThat(reviewer).bodyJson().extractingPath("$.scope").isEqualTo("REVIEWED_DEPARTMENTS");
    }

    @Test
    void eachTableDownloadsAsCsvForThoseWhoSeeIt() throws Exception {
        MvcTestResult summary = as("member", mvc.get().uri("/api/v1/statistics/published-by-category.csv?period=all"))
                .exchange();
        assertThat(summary).hasStatusOk();
        assertThat(summary.getResponse().getContentType()).startsWith("text/csv");
        assertThat(summary.getResponse().getHeader("Content-Disposition"))
                .contains("attachment", "statistics-published-by-category.csv");
        assertThat(summary.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .startsWith("\uFEFFcategory,published\r\n");

        assertProblem(as("member", mvc.get().uri("/api/v1/statistics/by-department.csv")).exchange(),
                HttpStatus.FORBIDDEN, "statistics.detail-forbidden");
        MvcTestResult departments = as("admin", mvc.get().uri("/api/v1/statistics/by-department.csv?period=all")).exchange();
        assertThat(departments).hasStatusOk();
        assertThat(departments.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .startsWith("\uFEFFdepartment,methods\r\n").contains("\"财政部\",");

        assertProblem(as("admin", mvc.get().uri("/api/v1/statistics/nothing.csv")).exchange(), HttpStatus.NOT_FOUND,
                "statistics.figure-unknown");
        assertProblem(as("admin", mvc.get().uri("/api/v1/statistics?from=2025-13")).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "statistics.month-invalid");
        assertThat(mvc.get().uri("/api/v1/statistics").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }
}
