package org.methodportal.adoption.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
import static org.methodportal.shared.api.Api.id;
import static org.methodportal.shared.api.Api.json;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.api.Api;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
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

    @Test
    void aReportCarriesAFileThatEveryReaderDownloadsAsAnAttachmentWithItsChineseName() {
        // the demo's open adoption of secretary2's branch (共建共享 is the other test's to adopt)
        long adoption = openAdoption("secretary2", publishedId("“五对接”工作法"));
        byte[] pdf = "%PDF-1.7\n%共建\n%%EOF".getBytes(StandardCharsets.UTF_8);

        MvcTestResult reported = reportUpload("secretary2", adoption).file(reportPart("""
                        {"status": "EFFECTIVE", "outcome": "共建项目有了台账", "rating": 4}"""))
                .file(new MockMultipartFile("file", "共建 总结（第一期）.pdf", "application/octet-stream", pdf)).exchange();
        assertThat(reported).hasStatus(HttpStatus.CREATED);
        assertThat(reported).bodyJson().extractingPath("$.attachmentName").isEqualTo("共建 总结（第一期）.pdf");
        assertThat(reported).bodyJson().extractingPath("$.attachmentSize").isEqualTo(pdf.length);
        long report = id(reported);

        MvcTestResult download = as("member", mvc.get().uri("/api/v1/adoptions/" + adoption + "/reports/" + report
                + "/attachment")).exchange();
        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
        assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
                .contains("filename*=UTF-8''"
                        + "%E5%85%B1%E5%BB%BA%20%E6%80%BB%E7%BB%93%EF%BC%88%E7%AC%AC%E4%B8%80%E6%9C%9F%EF%BC%89.pdf");
        assertThat(ContentDisposition.parse(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .getFilename()).isEqualTo("共建 总结（第一期）.pdf");
        assertThat(as("member", mvc.get().uri("/api/v1/adoptions/" + adoption + "/reports")).exchange())
                .bodyJson().extractingPath("$[0].attachmentName").isEqualTo("共建 总结（第一期）.pdf");

        // plain text is served as UTF-8 text, whatever type the client claimed
        MvcTestResult text = reportUpload("secretary2", adoption).file(reportPart("""
                        {"status": "EFFECTIVE", "outcome": "附记录", "rating": 4}"""))
                .file(new MockMultipartFile("file", "记录.txt", "text/html", "<b>第一次</b>".getBytes(StandardCharsets.UTF_8)))
                .exchange();
        assertThat(text).hasStatus(HttpStatus.CREATED);
        MvcTestResult textDownload = as("member", mvc.get().uri("/api/v1/adoptions/" + adoption + "/reports/" + id(text)
                + "/attachment")).exchange();
        assertThat(textDownload.getResponse().getContentType()).isEqualTo("text/plain;charset=UTF-8");

        int reportsBefore = reportCount(adoption);
        assertProblem(reportUpload("secretary2", adoption)
                .file(reportPart("""
                        {"status": "EFFECTIVE", "outcome": "带了程序", "rating": 4}"""))
                .file(new MockMultipartFile("file", "工具.exe", "application/pdf", new byte[] {'M', 'Z', 0, 0})).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "adoption.attachment-type");
        assertProblem(reportUpload("secretary2", adoption)
                .file(reportPart("""
                        {"status": "EFFECTIVE", "outcome": "好", "rating": 9}"""))
                .file(new MockMultipartFile("file", "总结.pdf", "application/pdf", pdf)).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "adoption.rating-invalid");
        assertThat(reportCount(adoption)).as("refused reports store nothing").isEqualTo(reportsBefore);
        assertProblem(reportUpload("secretary2", adoption)
                .file(new MockMultipartFile("file", "总结.pdf", "application/pdf", pdf)).exchange(),
                HttpStatus.BAD_REQUEST, "http.400");

        assertProblem(as("member", mvc.get().uri("/api/v1/adoptions/" + adoption + "/reports/987654321/attachment"))
                .exchange(), HttpStatus.NOT_FOUND, "adoption.attachment-not-found");
        assertProblem(as("member", mvc.get().uri("/api/v1/adoptions/987654321/reports/" + report + "/attachment"))
                .exchange(), HttpStatus.NOT_FOUND, "adoption.not-found");
    }

    /** A report posted as multipart/form-data (the JSON report and a file) by {@code login}. */
    private MockMvcTester.MockMultipartMvcRequestBuilder reportUpload(String login, long adoption) {
        return mvc.post().uri("/api/v1/adoptions/" + adoption + "/reports").multipart()
                .with(httpBasic(login, Api.PASSWORD));
    }

    private static MockMultipartFile reportPart(String json) {
        return new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8));
    }

    private int reportCount(long adoption) {
        List<Object> reports = JsonPath.read(body(as("member", mvc.get().uri("/api/v1/adoptions/" + adoption
                + "/reports")).exchange()), "$");
        return reports.size();
    }

    /** The branch's open adoption of the method: adopted now, or the one it has already. */
    private long openAdoption(String secretary, long method) {
        MvcTestResult adopted = as(secretary, json(mvc.post().uri("/api/v1/methods/" + method + "/adoptions"), "{}"))
                .exchange();
        if (adopted.getResponse().getStatus() == HttpStatus.CREATED.value()) {
            return id(adopted);
        }
        return ((Number) JsonPath.read(body(as(secretary, mvc.get().uri("/api/v1/methods/" + method
                + "/adoptions/summary")).exchange()), "$.ownBranch.id")).longValue();
    }

    private long publishedId(String title) {
        return Api.publishedDemoId(mvc, title);
    }
}
