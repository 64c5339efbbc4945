package org.methodportal.importexport.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertNoInternals;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

@ApiTest
class ImportExportApiTest {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    @Autowired
    MockMvcTester mvc;

    @Test
    void adminImportsJsonLinesAndGetsAReportNamingTheBadLine() {
        String id = "api-" + UUID.randomUUID();
        String file = line(id, "“五对接”工作法", "财政部") + "\n{not json\n" + line(id + "-2", "“育人”工作法", "海关总署") + "\n";

        MvcTestResult result = as("admin", mvc.post().uri("/api/v1/import")).contentType(NDJSON)
                .content(file.getBytes(UTF_8)).exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.created").isEqualTo(2);
        assertThat(result).bodyJson().extractingPath("$.updated").isEqualTo(0);
        assertThat(result).bodyJson().extractingPath("$.unchanged").isEqualTo(0);
        assertThat(result).bodyJson().extractingPath("$.failed").isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.errors[0].line").isEqualTo(2);
        assertThat(result).bodyJson().extractingPath("$.errors[0].code").isEqualTo("import.invalid-json");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("不是有效的 JSON 对象。");

        MvcTestResult again = as("admin", mvc.post().uri("/api/v1/import?status=PUBLISHED"))
                .contentType(MediaType.TEXT_PLAIN).content(file.getBytes(UTF_8)).exchange();
        assertThat(again).bodyJson().extractingPath("$.unchanged").isEqualTo(2);
        List<String> ids = JsonPath.read(body(as("member", mvc.get().uri("/api/v1/methods?q=五对接&size=100"))
                .exchange()), "$.content[*].externalId");
        assertThat(ids).contains(id);
    }

    @Test
    void draftsImportedAsOctetStreamAreNotExportedToMembers() {
        String id = "api-draft-" + UUID.randomUUID();

        MvcTestResult result = as("admin", mvc.post().uri("/api/v1/import?status=DRAFT"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).content(line(id, "草稿导入", "财政部").getBytes(UTF_8))
                .exchange();

        assertThat(result).bodyJson().extractingPath("$.created").isEqualTo(1);
        assertThat(export("admin")).contains("\"id\":\"" + id + "\"");
        assertThat(export("reviewer")).contains("\"id\":\"" + id + "\"");
        assertThat(export("member")).doesNotContain(id);
    }

    @Test
    void exportIsJsonLinesInTheCorpusFormat() {
        String id = "api-export-" + UUID.randomUUID();
        as("admin", mvc.post().uri("/api/v1/import")).contentType(NDJSON)
                .content(line(id, "“支点”工作法", "审计署").getBytes(UTF_8)).exchange();

        MvcTestResult result = as("member", mvc.get().uri("/api/v1/export")).exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(NDJSON);
        assertThat(result).headers().hasValue("Content-Disposition", "attachment; filename=\"methods.jsonl\"");
        String line = body(result).lines().filter(l -> l.contains(id)).findFirst().orElseThrow();
        assertThat((String) JsonPath.read(line, "$.title")).isEqualTo("“支点”工作法");
        assertThat((String) JsonPath.read(line, "$.category")).isEqualTo("带好队伍");
        assertThat((String) JsonPath.read(line, "$.department")).isEqualTo("审计署");
        assertThat((String) JsonPath.read(line, "$.created")).isEqualTo("2012-06-01");
        assertThat((List<String>) JsonPath.read(line, "$.measures")).containsExactly("抓住关键环节");
    }

    @Test
    void onlyAdministratorsImport() {
        for (String login : List.of("member", "secretary", "reviewer")) {
            MvcTestResult result = as(login, mvc.post().uri("/api/v1/import")).contentType(NDJSON)
                    .content(line("api-refused-" + login, "不许导入", "财政部").getBytes(UTF_8)).exchange();
            assertProblem(result, HttpStatus.FORBIDDEN, "auth.forbidden");
        }
        assertThat(mvc.post().uri("/api/v1/import").contentType(NDJSON).content("{}").exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aStatusOtherThanPublishedOrDraftIsRefused() {
        assertProblem(as("admin", mvc.post().uri("/api/v1/import?status=IN_REVIEW")).contentType(NDJSON)
                .content("{}").exchange(), HttpStatus.UNPROCESSABLE_CONTENT, "import.status-invalid");
        assertProblem(as("admin", mvc.post().uri("/api/v1/import?status=SOMETHING")).contentType(NDJSON)
                .content("{}").exchange(), HttpStatus.BAD_REQUEST, "http.400");
    }

    @Test
    void aBodyAnnouncedOverTheLimitIsRefusedBeforeReading() {
        MvcTestResult result = as("admin", mvc.post().uri("/api/v1/import")).contentType(NDJSON)
                .header("Content-Length", String.valueOf(1025L * 1024 * 1024)).content("{}").exchange();

        assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT, "import.too-large");
        assertThat((String) JsonPath.read(body(result), "$.detail")).contains("1024 MB");
        assertNoInternals(body(result));
    }

    @Test
    void jsonBodiesAreNotAnImportFormat() {
        assertProblem(as("admin", mvc.post().uri("/api/v1/import")).contentType(MediaType.APPLICATION_XML)
                .content("<x/>").exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "http.415");
    }

    private String export(String login) {
        return body(as(login, mvc.get().uri("/api/v1/export")).exchange());
    }

    private static String line(String id, String title, String department) {
        String branch = switch (department) {
            case "财政部" -> "预算司党支部";
            case "审计署" -> "财政审计司党支部";
            default -> "监管司党支部";
        };
        return """
                {"id": "%s", "title": "%s", "summary": "摘要", "category": "带好队伍", "department": "%s", \
                "branch": "%s", "problem": "问题", "concept": "理念", "measures": ["抓住关键环节"], "steps": ["第一步"], \
                "outcomes": "成效", "applicability": "范围", "tags": ["标签"], "raw_practice": "原话", "created": "2012-06-01"}"""
                .formatted(id, title, department, branch);
    }
}
