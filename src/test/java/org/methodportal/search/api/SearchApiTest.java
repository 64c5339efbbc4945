package org.methodportal.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
import static org.methodportal.shared.api.Api.id;
import static org.methodportal.shared.api.Api.json;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.methodportal.search.SearchIndexer;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

@ApiTest
class SearchApiTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void searchReturnsHitsWithEscapedHighlightsAndFacets() {
        String tag = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "7";
        long id = published("secretary", "<b>“议事厅”</b>工作法", tag);

        MvcTestResult result = as("member", mvc.get().uri("/api/v1/search").param("q", "议事厅")
                .param("tag", tag)).exchange();

        assertThat(result).hasStatusOk();
        String body = body(result);
        assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(1);
        assertThat(((Number) JsonPath.read(body, "$.hits[0].id")).longValue()).isEqualTo(id);
        assertThat((String) JsonPath.read(body, "$.hits[0].title")).isEqualTo("<b>“议事厅”</b>工作法");
        assertThat((String) JsonPath.read(body, "$.hits[0].category")).isEqualTo("践行群众路线");
        assertThat((String) JsonPath.read(body, "$.hits[0].department")).isEqualTo("财政部");
        assertThat((String) JsonPath.read(body, "$.hits[0].status")).isEqualTo("PUBLISHED");
        assertThat((String) JsonPath.read(body, "$.hits[0].highlights.title[0]"))
                .isEqualTo("&lt;b&gt;“<mark>议事厅</mark>”&lt;/b&gt;工作法");
        assertThat((String) JsonPath.read(body, "$.facets.category[0].label")).isEqualTo("践行群众路线");
        assertThat((Integer) JsonPath.read(body, "$.facets.category[0].count")).isEqualTo(1);
        List<String> tags = JsonPath.read(body, "$.facets.tag[*].value");
        assertThat(tags).containsExactly(tag);
        assertThat((Boolean) JsonPath.read(body, "$.facetsApproximate")).as("one hit, counted exactly").isFalse();
    }

    @Test
    void aSearchWithoutHitsOffersACorrectionOnlyThen() {
        String tag = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "7";
        published("secretary", "“邻里夜话角”工作法", tag);

        MvcTestResult typo = as("member", mvc.get().uri("/api/v1/search").param("q", "邻里夜画角")).exchange();
        assertThat(typo).hasStatusOk();
        // its words match nothing; what comes is only near in meaning (the semantic leg), the correction is offered
        List<String> titles = JsonPath.read(body(typo), "$.hits[*].title");
        assertThat(titles).isSubsetOf("“邻里夜话角”工作法");
        assertThat((String) JsonPath.read(body(typo), "$.didYouMean")).isEqualTo("邻里夜话角");

        MvcTestResult found = as("member", mvc.get().uri("/api/v1/search").param("q", "邻里夜话角")).exchange();
        assertThat((Integer) JsonPath.read(body(found), "$.total")).isPositive();
        assertThat(body(found)).doesNotContain("didYouMean");
    }

    @Test
    void snippetsArePlainTextWithMarksAndNoControlCharacterWhateverTheFieldHolds() {
        String tag = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "7";
        String body = """
                {"title": "“楼道夜谈会”工作法", "summary": "**楼道夜谈**每周一次", "category": "践行群众路线",
                 "problem": "居民<b>夜谈</b>缺少场所", "measures": ["设立楼道夜谈角", "夜谈记录上墙"],
                 "steps": ["确定夜谈主题", "组织夜谈"], "tags": ["%s", "夜谈"],
                 "body": "## 做法\\n\\n- **夜谈**前收集问题\\n- 夜谈后<i>反馈</i>"}""".formatted(tag);
        long id = id(as("secretary", json(mvc.post().uri("/api/v1/proposals"), body)).exchange());
        jdbc.update("UPDATE method SET status = 'PUBLISHED', published_revision_id = latest_revision_id WHERE id = ?", id);
        indexer.drain();

        MvcTestResult result = as("member", mvc.get().uri("/api/v1/search").param("q", "夜谈").param("tag", tag))
                .exchange();

        assertThat(result).hasStatusOk();
        String json = body(result);
        assertThat(json).doesNotContain("\\u0000", "\\u2029", "**", "&lt;b&gt;", "&lt;i&gt;", "##");
        assertThat(json.chars().filter(c -> c < 0x20)).isEmpty();
        assertThat((Boolean) JsonPath.read(json, "$.truncated")).isFalse();
        List<String> fragments = JsonPath.read(json, "$.hits[0].highlights.*[*]");
        assertThat(fragments).isNotEmpty().allSatisfy(f -> assertThat(f).contains("<mark>").doesNotStartWith("/")
                .doesNotStartWith(" "));
        // values of a multi-valued field are passages of their own, none starting with the separator
        assertThat(JsonPath.<List<String>>read(json, "$.hits[0].highlights.measures"))
                .containsExactly("设立楼道<mark>夜谈</mark>角", "<mark>夜谈</mark>记录上墙");
        assertThat(JsonPath.<List<String>>read(json, "$.hits[0].highlights.summary").getFirst())
                .isEqualTo("楼道<mark>夜谈</mark>每周一次");
    }

    @Test
    void aTextOverTwoHundredCharactersIsCutAndSaidSo() {
        String tag = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "7";
        published("secretary", "“楼道议事站”工作法", tag);

        MvcTestResult cut = as("member", mvc.get().uri("/api/v1/search").param("q", "楼道议事站".repeat(50))
                .param("tag", tag)).exchange();

        assertThat(cut).hasStatusOk();
        assertThat((Boolean) JsonPath.read(body(cut), "$.truncated")).isTrue();
        assertThat((Integer) JsonPath.read(body(cut), "$.total")).isEqualTo(1);
        MvcTestResult whole = as("member", mvc.get().uri("/api/v1/search").param("q", "楼道议事站怎么开展")
                .param("tag", tag)).exchange();
        assertThat((Boolean) JsonPath.read(body(whole), "$.truncated")).isFalse();
        assertThat((Integer) JsonPath.read(body(whole), "$.total")).isEqualTo(1);
    }

    @Test
    void suggestAndSimilarAnswerSignedInUsers() {
        String tag = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "7";
        long first = published("secretary", "“楼道议事会”工作法", tag);
        long second = published("secretary", "“楼道议事角”工作法", tag);

        MvcTestResult suggest = as("member", mvc.get().uri("/api/v1/search/suggest").param("q", "loudaoyishi")).exchange();
        assertThat(suggest).hasStatusOk();
        List<Number> suggested = JsonPath.read(body(suggest), "$[?(@.kind == 'TITLE')].methodId");
        assertThat(suggested.stream().map(Number::longValue).toList()).contains(first, second);

        MvcTestResult similar = as("member", mvc.get().uri("/api/v1/methods/" + first + "/similar")).exchange();
        assertThat(similar).hasStatusOk();
        List<Number> ids = JsonPath.read(body(similar), "$[*].id");
        assertThat(ids.stream().map(Number::longValue).toList()).contains(second).doesNotContain(first);

        assertThat(mvc.get().uri("/api/v1/search").param("q", "议事").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void reindexIsForAdministratorsAndBadParametersAreProblems() throws Exception {
        assertProblem(as("member", mvc.get().uri("/api/v1/search").param("sort", "oldest")).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "search.sort-unknown");
        assertThat(as("member", mvc.post().uri("/api/v1/search/reindex")).exchange()).hasStatus(HttpStatus.FORBIDDEN);

        assertThat(as("member", mvc.get().uri("/api/v1/search/reindex")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
        awaitReindexEnded();

        MvcTestResult started = as("admin", mvc.post().uri("/api/v1/search/reindex")).exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        assertThat(started).bodyJson().extractingPath("$.running").isEqualTo(true);
        assertThat(started).bodyJson().extractingPath("$.startedBy").isEqualTo("admin");
        awaitReindexEnded();

        MvcTestResult status = as("admin", mvc.get().uri("/api/v1/search/reindex")).exchange();
        assertThat(status).hasStatusOk();
        assertThat(status).bodyJson().extractingPath("$.running").isEqualTo(false);
        assertThat(status).bodyJson().extractingPath("$.finishedAt").isNotNull();
        long total = ((Number) JsonPath.read(body(status), "$.total")).longValue();
        assertThat(total).isPositive();
        assertThat(((Number) JsonPath.read(body(status), "$.done")).longValue()).isEqualTo(total);
    }

    private void awaitReindexEnded() throws InterruptedException {
        for (int i = 0; i < 1500 && indexer.isRebuilding(); i++) {
            Thread.sleep(20);
        }
        assertThat(indexer.isRebuilding()).isFalse();
    }

    /** A method created through the API, published directly in the database, and indexed through the outbox. */
    private long published(String login, String title, String tag) {
        String body = """
                {"title": "%s", "summary": "摘要", "category": "践行群众路线", "problem": "居民议事缺少场所",
                 "measures": ["设立议事角"], "tags": ["%s"]}""".formatted(title.replace("\"", "\\\""), tag);
        long id = id(as(login, json(mvc.post().uri("/api/v1/proposals"), body)).exchange());
        jdbc.update("UPDATE method SET status = 'PUBLISHED', published_revision_id = latest_revision_id WHERE id = ?", id);
        indexer.drain();
        return id;
    }
}
