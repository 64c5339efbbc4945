package org.methodportal.method.api;

import org.methodportal.shared.api.Api;
import org.methodportal.shared.api.ApiTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
import static org.methodportal.shared.api.Api.id;
import static org.methodportal.shared.api.Api.json;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

@ApiTest
class MethodApiTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void secretaryCreatesADraftAndGets201WithLocationAndETag() {
        MvcTestResult created = create("secretary", proposal("“五对接”工作法", "破解业务难题", "tag-a"));

        assertThat(created).hasStatus(HttpStatus.CREATED);
        long id = id(created);
        assertThat(created).headers().hasValue("Location", "/api/v1/methods/" + id).hasValue("ETag", "\"1\"");
        assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("DRAFT");
        assertThat(created).bodyJson().extractingPath("$.category").isEqualTo("破解业务难题");
        assertThat(created).bodyJson().extractingPath("$.department").isEqualTo("财政部");
        assertThat(created).bodyJson().extractingPath("$.branch").isEqualTo("预算司党支部");
        assertThat(created).bodyJson().extractingPath("$.measures").asArray().containsExactly("对接需求", "对接资源");
        assertThat(created).bodyJson().extractingPath("$.steps").asArray().containsExactly("调研");
        assertThat(created).bodyJson().extractingPath("$.changeNote").isEqualTo("初稿");
        assertThat(as("secretary", mvc.get().uri("/api/v1/methods/" + id)).exchange()).hasStatusOk()
                .headers().hasValue("ETag", "\"1\"");
    }

    @Test
    void saveWithIfMatchCreatesTheNextRevisionAndAStaleOneGets409() {
        long id = id(create("secretary", proposal("三抓四比", "带好队伍", "tag-b")));

        MvcTestResult saved = as("secretary", json(mvc.put().uri("/api/v1/proposals/" + id),
                proposal("三抓四比（修订）", "带好队伍", "tag-b"))).header("If-Match", "\"1\"").exchange();
        assertThat(saved).hasStatusOk().headers().hasValue("ETag", "\"2\"");
        assertThat(saved).bodyJson().extractingPath("$.revision").isEqualTo(2);

        MvcTestResult stale = as("secretary", json(mvc.put().uri("/api/v1/proposals/" + id),
                proposal("三抓四比（另一版）", "带好队伍", "tag-b"))).header("If-Match", "\"1\"").exchange();
        assertProblem(stale, HttpStatus.CONFLICT, "method.stale");
        assertThat((String) JsonPath.read(body(stale), "$.detail")).contains("第 2 版");

        MvcTestResult viaField = as("secretary", json(mvc.put().uri("/api/v1/proposals/" + id),
                proposal("三抓四比（第三版）", "带好队伍", "tag-b").replace("{", "{\"baseRevision\": 2, ")))
                .exchange();
        assertThat(viaField).hasStatusOk().headers().hasValue("ETag", "\"3\"");

        MvcTestResult history = as("secretary", mvc.get().uri("/api/v1/methods/" + id + "/revisions")).exchange();
        assertThat(history).hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(3);
        List<String> titles = JsonPath.read(body(history), "$.content[*].title");
        assertThat(titles).containsExactly("三抓四比（第三版）", "三抓四比（修订）", "三抓四比");
        MvcTestResult first = as("secretary", mvc.get().uri("/api/v1/methods/" + id + "/revisions/1")).exchange();
        assertThat(first).hasStatusOk().headers().hasValue("ETag", "\"1\"");
        assertThat(first).bodyJson().extractingPath("$.title").isEqualTo("三抓四比");
    }

    @Test
    void saveWithoutABaseRevisionGets422() {
        long id = id(create("secretary", proposal("无版本", "凝心聚力", "tag-c")));

        assertProblem(as("secretary", json(mvc.put().uri("/api/v1/proposals/" + id),
                proposal("无版本", "凝心聚力", "tag-c"))).exchange(), HttpStatus.UNPROCESSABLE_CONTENT,
                "api.version-required");
    }

    @Test
    void memberGets404ForSomeoneElsesDraftAndCannotDraft() {
        long id = id(create("secretary", proposal("草稿", "凝心聚力", "tag-d")));

        assertProblem(as("member", mvc.get().uri("/api/v1/methods/" + id)).exchange(), HttpStatus.NOT_FOUND,
                "method.not-found");
        assertProblem(as("member", mvc.get().uri("/api/v1/methods/" + id + "/revisions")).exchange(),
                HttpStatus.NOT_FOUND, "method.not-found");
        assertProblem(as("member", mvc.get().uri("/api/v1/methods/" + id + "/revisions/1")).exchange(),
                HttpStatus.NOT_FOUND, "method.not-found");
        assertProblem(as("secretary2", json(mvc.put().uri("/api/v1/proposals/" + id),
                proposal("改", "凝心聚力", "tag-d"))).header("If-Match", "\"1\"").exchange(), HttpStatus.NOT_FOUND,
                "method.not-found");
        assertProblem(create("member", proposal("党员起草", "凝心聚力", "tag-d")), HttpStatus.FORBIDDEN, "auth.forbidden");
        assertThat(as("reviewer", mvc.get().uri("/api/v1/methods/" + id)).exchange()).hasStatusOk();
        assertProblem(as("member", mvc.get().uri("/api/v1/methods/999999")).exchange(), HttpStatus.NOT_FOUND,
                "method.not-found");
    }

    @Test
    void invalidProposalsGet422WithTheRuleBroken() {
        assertProblem(create("secretary", """
                {"title": "", "category": "凝心聚力", "problem": "p", "measures": ["m"]}"""),
                HttpStatus.UNPROCESSABLE_CONTENT, "method.title-required");
        assertProblem(create("secretary", """
                {"title": "t", "category": "不存在的类别", "problem": "p", "measures": ["m"]}"""),
                HttpStatus.UNPROCESSABLE_CONTENT, "method.category-unknown");
        assertProblem(create("secretary", """
                {"title": "t", "category": "凝心聚力", "problem": "p"}"""),
                HttpStatus.UNPROCESSABLE_CONTENT, "method.measure-or-step-required");
    }

    @Test
    void listIsFilteredPagedAndLimitedToWhatTheCallerMaySee() {
        String tag = "tag-" + UUID.randomUUID();
        long a = id(create("secretary", proposal("甲法", "践行群众路线", tag)));
        long b = id(create("secretary2", proposal("乙法", "带好队伍", tag)));
        long c = id(create("reviewer", proposal("丙法", "带好队伍", tag)));

        assertThat(ids("admin", "tag=" + tag)).containsExactly(c, b, a);
        assertThat(ids("admin", "tag=" + tag + "&category=带好队伍")).containsExactly(c, b);
        // 丙 (U+4E19) sorts before 乙 (U+4E59) in the code-point order of the test database
        assertThat(ids("admin", "tag=" + tag + "&category=TEAM_BUILDING&sort=title,asc")).containsExactly(c, b);
        assertThat(ids("admin", "tag=" + tag + "&sort=title,desc")).containsExactly(a, b, c);
        assertThat(ids("admin", "tag=" + tag + "&status=DRAFT&q=乙")).containsExactly(b);
        assertThat(ids("secretary", "tag=" + tag)).containsExactly(a);
        assertThat(ids("member", "tag=" + tag)).isEmpty();
        // reviewer reviews 财政部 and 农业部, and owns the third
        assertThat(ids("reviewer", "tag=" + tag)).containsExactly(c, b, a);
        // reviewer2 reviews 财政部 only of these
        assertThat(ids("reviewer2", "tag=" + tag)).containsExactly(a);

        MvcTestResult page = as("admin", mvc.get().uri("/api/v1/methods?tag=" + tag + "&size=2&page=1")).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page).bodyJson().extractingPath("$.total").isEqualTo(3);
        assertThat(page).bodyJson().extractingPath("$.totalExact").isEqualTo(true);
        assertThat(page).bodyJson().extractingPath("$.page").isEqualTo(1);
        assertThat(page).bodyJson().extractingPath("$.size").isEqualTo(2);
        assertThat(page).bodyJson().extractingPath("$.content[0].title").isEqualTo("甲法");
        assertThat(page).bodyJson().extractingPath("$.content[0].category").isEqualTo("践行群众路线");
        assertThat(page).bodyJson().extractingPath("$.content[0].department").isEqualTo("财政部");
    }

    @Test
    void authorFilterTakesAnAccountIdOrALoginAndKeepsTheVisibilityRule() {
        String tag = "tag-" + UUID.randomUUID();
        long a = id(create("secretary", proposal("甲作者法", "凝心聚力", tag)));
        create("secretary2", proposal("乙作者法", "凝心聚力", tag));
        long secretaryId = ((Number) JsonPath.read(body(as("secretary", mvc.get().uri("/api/v1/me")).exchange()),
                "$.id")).longValue();

        assertThat(ids("admin", "tag=" + tag + "&author=secretary")).containsExactly(a);
        assertThat(ids("admin", "tag=" + tag + "&author=SECRETARY")).containsExactly(a);
        assertThat(ids("admin", "tag=" + tag + "&author=" + secretaryId)).containsExactly(a);
        // A draft stays hidden from a member, whoever it is filtered by.
        assertThat(ids("member", "tag=" + tag + "&author=secretary")).isEmpty();
        assertProblem(as("admin", mvc.get().uri("/api/v1/methods?author=no-such-login")).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "method.author-unknown");
    }

    @Test
    void departmentFilterUsesTheOriginDepartment() {
        String tag = "tag-" + UUID.randomUUID();
        MvcTestResult finance = create("secretary", proposal("财政法", "凝心聚力", tag));
        create("secretary2", proposal("农业法", "凝心聚力", tag));
        long departmentId = ((Number) JsonPath.read(body(finance), "$.departmentId")).longValue();

        assertThat(ids("admin", "tag=" + tag + "&department=" + departmentId)).containsExactly(id(finance));
        assertProblem(as("admin", mvc.get().uri("/api/v1/methods?status=NOPE")).exchange(), HttpStatus.BAD_REQUEST,
                "http.400");
    }

    @Test
    void originBranchIsTheAuthorsOwnUnlessAnAdministratorChoosesIt() {
        String tag = "tag-" + UUID.randomUUID();
        MvcTestResult agriculture = create("secretary2", proposal("农业支部法", "凝心聚力", tag));
        long otherBranch = ((Number) JsonPath.read(body(agriculture), "$.branchId")).longValue();
        long otherDepartment = ((Number) JsonPath.read(body(agriculture), "$.departmentId")).longValue();
        String underOtherBranch = proposal("冒名法", "凝心聚力", tag)
                .replace("{", "{\"departmentId\": %d, \"branchId\": %d, ".formatted(otherDepartment, otherBranch));

        assertProblem(create("secretary", underOtherBranch), HttpStatus.FORBIDDEN, "method.origin-own-branch");
        assertProblem(create("reviewer", underOtherBranch), HttpStatus.FORBIDDEN, "method.origin-own-branch");
        assertThat(ids("admin", "tag=" + tag)).containsExactly(id(agriculture));

        MvcTestResult byAdmin = create("admin", underOtherBranch);
        assertThat(byAdmin).hasStatus(HttpStatus.CREATED);
        assertThat(byAdmin).bodyJson().extractingPath("$.branch").isEqualTo("种植业管理司党支部");
        assertThat(byAdmin).bodyJson().extractingPath("$.department").isEqualTo("农业部");
    }

    @Test
    void diffShowsWhatChangedBetweenTwoRevisionsToThoseWhoMaySeeThem() {
        long id = id(create("secretary", proposal("对比法", "凝心聚力", "tag-diff")));
        assertThat(as("secretary", json(mvc.put().uri("/api/v1/proposals/" + id),
                proposal("对比法", "凝心聚力", "tag-diff").replace("机关服务与基层需求脱节", "机关服务与基层需求严重脱节")
                        .replace("[\"调研\"]", "[\"调研\", \"回访\"]"))).header("If-Match", "\"1\"").exchange())
                .hasStatusOk();

        MvcTestResult diff = as("secretary", mvc.get().uri("/api/v1/methods/" + id + "/diff?from=1&to=2")).exchange();
        assertThat(diff).hasStatusOk();
        String body = body(diff);
        assertThat((Boolean) JsonPath.read(body, "$.changed")).isTrue();
        assertThat((Integer) JsonPath.read(body, "$.from")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(body, "$.to")).isEqualTo(2);
        List<String> fields = JsonPath.read(body, "$.fields[*].field");
        assertThat(fields).containsExactly("title", "summary", "category", "problem", "concept", "measures", "steps",
                "outcomes", "applicability", "tags", "body");
        assertThat((Boolean) JsonPath.read(body, "$.fields[0].changed")).isFalse();
        List<String> inserted = JsonPath.read(body,
                "$.fields[?(@.field == 'problem')].segments[?(@.kind == 'INSERTED')].text");
        assertThat(inserted).containsExactly("严重");
        List<String> steps = JsonPath.read(body, "$.fields[?(@.field == 'steps')].items[*].change");
        assertThat(steps).containsExactly("KEPT", "ADDED");
        assertThat((Object) JsonPath.read(body, "$.fields[?(@.field == 'steps')].segments")).asList()
                .containsOnlyNulls();

        assertThat(as("reviewer", mvc.get().uri("/api/v1/methods/" + id + "/diff?from=2&to=1")).exchange())
                .hasStatusOk();
        assertProblem(as("member", mvc.get().uri("/api/v1/methods/" + id + "/diff?from=1&to=2")).exchange(),
                HttpStatus.NOT_FOUND, "method.not-found");
        assertProblem(as("secretary", mvc.get().uri("/api/v1/methods/" + id + "/diff?from=1&to=9")).exchange(),
                HttpStatus.NOT_FOUND, "method.revision-not-found");
    }

    private List<Long> ids(String login, String query) {
        MvcTestResult result = as(login, mvc.get().uri("/api/v1/methods?" + query)).exchange();
        assertThat(result).hasStatusOk();
        List<Number> ids = JsonPath.read(body(result), "$.content[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    private MvcTestResult create(String login, String body) {
        return as(login, json(mvc.post().uri("/api/v1/proposals"), body)).exchange();
    }

    private static String proposal(String title, String category, String tag) {
        return """
                {"title": "%s", "summary": "摘要", "category": "%s", "problem": "机关服务与基层需求脱节",
                 "concept": "服务基层", "measures": ["对接需求", "对接资源"], "steps": ["调研"],
                 "outcomes": "满意度提高", "applicability": "各部委", "tags": ["%s"], "body": "**正文**",
                 "changeNote": "初稿"}""".formatted(title, category, tag);
    }
}
