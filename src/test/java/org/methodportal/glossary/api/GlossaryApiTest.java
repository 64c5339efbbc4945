package org.methodportal.glossary.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
import static org.methodportal.shared.api.Api.eTag;
import static org.methodportal.shared.api.Api.id;
import static org.methodportal.shared.api.Api.json;

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
class GlossaryApiTest {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    @Autowired
    MockMvcTester mvc;

    @Test
    void reviewersCreateUpdateAndDeleteWithVersionsMembersRead() {
        String word = unique();
        String term = "{\"standard\":\"" + word + "标准\",\"variants\":[\"" + word + "土话\"],\"definition\":\"定义\"}";
        assertProblem(as("member", json(mvc.post().uri("/api/v1/glossary"), term)).exchange(),
                HttpStatus.FORBIDDEN, "auth.forbidden");

        MvcTestResult created = as("reviewer", json(mvc.post().uri("/api/v1/glossary"), term)).exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        long id = id(created);
        assertThat(eTag(created)).isEqualTo("\"0\"");

        MvcTestResult read = as("member", mvc.get().uri("/api/v1/glossary/" + id)).exchange();
        assertThat(read).hasStatusOk();
        assertThat((List<String>) JsonPath.read(body(read), "$.variants")).containsExactly(word + "土话");

        String changed = "{\"standard\":\"" + word + "标准\",\"variants\":[\"" + word + "新说法\"],\"definition\":\"新定义\"}";
        MvcTestResult updated = as("admin", json(mvc.put().uri("/api/v1/glossary/" + id), changed)
                .header("If-Match", "\"0\"")).exchange();
        assertThat(updated).hasStatusOk();
        assertThat(eTag(updated)).isEqualTo("\"1\"");
        assertProblem(as("admin", json(mvc.put().uri("/api/v1/glossary/" + id), changed).header("If-Match", "\"0\""))
                .exchange(), HttpStatus.CONFLICT, "glossary.stale");

        MvcTestResult listed = as("member", mvc.get().uri("/api/v1/glossary").param("q", word + "新说法")).exchange();
        assertThat((Integer) JsonPath.read(body(listed), "$.total")).isEqualTo(1);

        assertThat(as("reviewer", mvc.delete().uri("/api/v1/glossary/" + id).header("If-Match", "\"1\"")).exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        assertProblem(as("member", mvc.get().uri("/api/v1/glossary/" + id)).exchange(),
                HttpStatus.NOT_FOUND, "glossary.not-found");
    }

    @Test
    void importIsIdempotentAndExportUsesTheSameFormat() {
        String word = unique();
        String file = "{\"standard\":\"" + word + "标准\",\"variants\":[\"" + word + "土话\"],\"definition\":\"定义\"}\n";

        MvcTestResult first = as("reviewer", mvc.post().uri("/api/v1/glossary/import")).contentType(NDJSON)
                .content(file.getBytes(UTF_8)).exchange();
        assertThat(first).hasStatusOk();
        assertThat((Integer) JsonPath.read(body(first), "$.created")).isEqualTo(1);
        MvcTestResult second = as("reviewer", mvc.post().uri("/api/v1/glossary/import"))
                .contentType(MediaType.TEXT_PLAIN).content(file.getBytes(UTF_8)).exchange();
        assertThat((Integer) JsonPath.read(body(second), "$.created")).isZero();
        assertThat((Integer) JsonPath.read(body(second), "$.unchanged")).isEqualTo(1);
        assertProblem(as("secretary", mvc.post().uri("/api/v1/glossary/import")).contentType(NDJSON)
                .content(file.getBytes(UTF_8)).exchange(), HttpStatus.FORBIDDEN, "auth.forbidden");

        MvcTestResult export = as("member", mvc.get().uri("/api/v1/glossary/export")).exchange();
        assertThat(export).hasStatusOk();
        assertThat(export.getResponse().getContentType()).startsWith("application/x-ndjson");
        assertThat(body(export)).contains(file.strip()).contains("\"standard\":\"三会一课\"");
    }

    @Test
    void checkFindsVariantsInATextOrInAMethodTheCallerMaySee() {
        MvcTestResult result = as("member", json(mvc.post().uri("/api/v1/glossary/check"),
                "{\"text\":\"组织党日活动，设立党员先锋岗和先锋岗\"}")).exchange();

        assertThat(result).hasStatusOk();
        String body = body(result);
        assertThat((List<String>) JsonPath.read(body, "$[*].variant")).containsExactly("党日活动", "先锋岗");
        assertThat((List<String>) JsonPath.read(body, "$[*].standard")).containsExactly("主题党日", "党员先锋岗");
        assertThat((Integer) JsonPath.read(body, "$[0].start")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(body, "$[0].end")).isEqualTo(6);
        assertThat((String) JsonPath.read(body, "$[0].definition")).isNotBlank();

        assertProblem(as("member", json(mvc.post().uri("/api/v1/glossary/check"), "{\"methodId\":999999}"))
                .exchange(), HttpStatus.NOT_FOUND, "method.not-found");
        assertProblem(as("member", json(mvc.post().uri("/api/v1/glossary/check"), "{}")).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "glossary.check-empty");
    }

    @Test
    void aDraftIsCheckedByItsIdWithKeptWordingsMarkedAndAnUnseenDraftIsNotFound() {
        long draft = id(as("secretary", json(mvc.post().uri("/api/v1/proposals"), """
                {"title": "“田间党日”工作法", "category": "破解业务难题", "problem": "先锋岗不亮",
                 "measures": ["每月搞党日活动"]}""")).exchange());

        assertThat(as("secretary", json(mvc.post().uri("/api/v1/glossary/methods/" + draft + "/kept"),
                "{\"variant\":\"先锋岗\"}")).exchange()).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(body(as("secretary", mvc.get().uri("/api/v1/glossary/methods/" + draft + "/kept")).exchange()))
                .isEqualTo("[\"先锋岗\"]");

        MvcTestResult result = as("secretary", json(mvc.post().uri("/api/v1/glossary/check"),
                "{\"draftId\":" + draft + "}")).exchange();
        assertThat(result).hasStatusOk();
        String body = body(result);
        assertThat((List<String>) JsonPath.read(body, "$[*].field")).containsExactly("title", "problem", "measures[0]");
        assertThat((List<String>) JsonPath.read(body, "$[*].variant")).containsExactly("党日", "先锋岗", "党日活动");
        assertThat((List<Boolean>) JsonPath.read(body, "$[*].kept")).containsExactly(false, true, false);

        // secretary2 belongs to another department: the draft does not exist for them
        assertProblem(as("secretary2", json(mvc.post().uri("/api/v1/glossary/check"), "{\"draftId\":" + draft + "}"))
                .exchange(), HttpStatus.NOT_FOUND, "method.not-found");
        assertProblem(as("member", json(mvc.post().uri("/api/v1/glossary/methods/" + draft + "/kept"),
                "{\"variant\":\"党日\"}")).exchange(), HttpStatus.NOT_FOUND, "method.not-found");
        assertThat(as("secretary", mvc.delete().uri("/api/v1/glossary/methods/" + draft + "/kept?variant=先锋岗"))
                .exchange()).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(body(as("secretary", mvc.get().uri("/api/v1/glossary/methods/" + draft + "/kept")).exchange()))
                .isEqualTo("[]");
    }

    @Test
    void aTermsHistoryListsEachChangeNewestFirst() {
        String word = unique();
        String term = "{\"standard\":\"" + word + "标准\",\"variants\":[\"" + word + "土话\"],\"definition\":\"定义\"}";
        long id = id(as("reviewer", json(mvc.post().uri("/api/v1/glossary"), term)).exchange());
        as("admin", json(mvc.put().uri("/api/v1/glossary/" + id), term.replace("定义", "新定义"))
                .header("If-Match", "\"0\"")).exchange();

        String history = body(as("member", mvc.get().uri("/api/v1/glossary/" + id + "/history")).exchange());

        assertThat((List<String>) JsonPath.read(history, "$[*].action")).containsExactly("updated", "created");
        assertThat((List<String>) JsonPath.read(history, "$[*].changedBy")).containsExactly("admin", "reviewer");
        assertThat((List<String>) JsonPath.read(history, "$[*].definition")).containsExactly("新定义", "定义");
    }

    private static String unique() {
        return "a" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
