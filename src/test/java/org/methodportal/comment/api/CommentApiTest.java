package org.methodportal.comment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.TestUsers.signInAs;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.body;
import static org.methodportal.shared.api.Api.eTag;
import static org.methodportal.shared.api.Api.id;
import static org.methodportal.shared.api.Api.json;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

@ApiTest
class CommentApiTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    MethodService methods;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    void threadsRepliesEditsAndDeletionWithVersionsAndProblems() {
        long draft = secretaryDraft();
        String uri = "/api/v1/methods/" + draft + "/comments";
        MvcTestResult posted = as("reviewer", json(mvc.post().uri(uri), "{\"text\":\"请看 **第二步**\"}")).exchange();
        assertThat(posted).hasStatus(HttpStatus.CREATED);
        long root = id(posted);
        assertThat(eTag(posted)).isEqualTo("\"0\"");
        assertThat((String) JsonPath.read(body(posted), "$.html")).contains("<strong>第二步</strong>");

        MvcTestResult reply = as("secretary", json(mvc.post().uri(uri), "{\"text\":\"好的\",\"parentId\":" + root + "}"))
                .exchange();
        assertThat(reply).hasStatus(HttpStatus.CREATED);

        MvcTestResult listed = as("secretary", mvc.get().uri(uri)).exchange();
        assertThat(listed).hasStatusOk();
        assertThat((Integer) JsonPath.read(body(listed), "$.total")).isEqualTo(1);
        assertThat((List<Integer>) JsonPath.read(body(listed), "$.content[0].replies[*].depth")).containsExactly(1);

        assertProblem(as("member", mvc.get().uri(uri)).exchange(), HttpStatus.NOT_FOUND, "method.not-found");
        assertProblem(as("member", mvc.get().uri("/api/v1/comments/" + root)).exchange(), HttpStatus.NOT_FOUND,
                "method.not-found");
        assertProblem(as("reviewer", json(mvc.post().uri(uri), "{\"text\":\"  \"}")).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "comment.text-required");
        assertProblem(as("reviewer", json(mvc.post().uri(uri), "{\"text\":\"" + "长".repeat(2001) + "\"}")).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "comment.too-long");

        assertProblem(as("secretary", json(mvc.patch().uri("/api/v1/comments/" + root), "{\"text\":\"改\",\"version\":0}"))
                .exchange(), HttpStatus.FORBIDDEN, "comment.not-author");
        MvcTestResult edited = as("reviewer", json(mvc.patch().uri("/api/v1/comments/" + root), "{\"text\":\"改过\"}")
                .header("If-Match", "\"0\"")).exchange();
        assertThat(edited).hasStatusOk();
        assertThat((String) JsonPath.read(body(edited), "$.editedAt")).isNotNull();
        assertProblem(as("reviewer", json(mvc.patch().uri("/api/v1/comments/" + root), "{\"text\":\"再改\",\"version\":0}"))
                .exchange(), HttpStatus.CONFLICT, "comment.stale");
        MvcTestResult history = as("reviewer", mvc.get().uri("/api/v1/comments/" + root + "/history")).exchange();
        assertThat((List<String>) JsonPath.read(body(history), "$[*].previousText")).containsExactly("请看 **第二步**");

        assertThat(as("reviewer", mvc.delete().uri("/api/v1/comments/" + root).param("version", "1")).exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        MvcTestResult placeholder = as("secretary", mvc.get().uri("/api/v1/comments/" + root)).exchange();
        assertThat((Boolean) JsonPath.read(body(placeholder), "$.deleted")).isTrue();
        assertThat((Object) JsonPath.read(body(placeholder), "$.text")).isNull();
    }

    @Test
    void moderationResolutionAndSuggestions() {
        long draft = secretaryDraft();
        String uri = "/api/v1/methods/" + draft + "/comments";
        MvcTestResult suggested = as("reviewer", json(mvc.post().uri(uri), """
                {"text":"第二步写具体","revisionNumber":1,"field":"STEPS","itemIndex":1,"suggestion":"召开座谈会"}
                """)).exchange();
        assertThat(suggested).hasStatus(HttpStatus.CREATED);
        long id = id(suggested);
        String comment = "/api/v1/comments/" + id;

        assertProblem(as("secretary", json(mvc.post().uri(comment + "/hide"), "{\"reason\":\"不妥\",\"version\":0}"))
                .exchange(), HttpStatus.FORBIDDEN, "comment.not-moderator");
        assertProblem(as("reviewer", json(mvc.post().uri(comment + "/hide"), "{\"version\":0}")).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "comment.reason-required");
        assertThat(as("reviewer2", json(mvc.post().uri(comment + "/hide"), "{\"reason\":\"测试\",\"version\":0}"))
                .exchange()).hasStatusOk();
        assertThat(as("admin", mvc.post().uri(comment + "/unhide").header("If-Match", "\"1\"")).exchange())
                .hasStatusOk();
        assertProblem(as("admin", mvc.post().uri(comment + "/unhide").header("If-Match", "\"2\"")).exchange(),
                HttpStatus.CONFLICT, "comment.not-hidden");

        MvcTestResult unresolved = as("secretary", mvc.get().uri(uri + "/unresolved")).exchange();
        assertThat((List<Integer>) JsonPath.read(body(unresolved), "$[*].id")).containsExactly((int) id);

        assertProblem(as("reviewer", mvc.post().uri(comment + "/apply").header("If-Match", "\"2\"")).exchange(),
                HttpStatus.FORBIDDEN, "comment.not-draft-author");
        MvcTestResult applied = as("secretary", mvc.post().uri(comment + "/apply").header("If-Match", "\"2\""))
                .exchange();
        assertThat(applied).hasStatusOk();
        assertThat((Integer) JsonPath.read(body(applied), "$.revisionNumber")).isEqualTo(2);
        assertThat((String) JsonPath.read(body(applied), "$.changeNote")).isEqualTo("采纳 王审核 的建议：操作步骤 2");
        assertThat((String) JsonPath.read(body(applied), "$.comment.suggestionState")).isEqualTo("APPLIED");
        assertProblem(as("secretary", mvc.post().uri(comment + "/reopen").header("If-Match", "\"2\"")).exchange(),
                HttpStatus.CONFLICT, "comment.stale");
        assertThat(as("secretary", mvc.post().uri(comment + "/reopen").header("If-Match", "\"3\"")).exchange())
                .hasStatusOk();
        assertThat(as("reviewer", json(mvc.post().uri(comment + "/resolve"), "{\"version\":4}")).exchange())
                .hasStatusOk();

        MvcTestResult outdated = as("reviewer", json(mvc.post().uri(uri), """
                {"text":"旧版建议","revisionNumber":1,"field":"STEPS","itemIndex":1,"suggestion":"另一种写法"}
                """)).exchange();
        assertProblem(as("secretary", mvc.post().uri("/api/v1/comments/" + id(outdated) + "/apply")
                .header("If-Match", "\"0\"")).exchange(), HttpStatus.CONFLICT, "comment.suggestion-outdated");
        assertThat(as("secretary", mvc.post().uri("/api/v1/comments/" + id(outdated) + "/dismiss")
                .header("If-Match", "\"0\"")).exchange()).hasStatusOk();
        assertProblem(as("member", mvc.post().uri("/api/v1/comments/" + id(outdated) + "/dismiss")
                .header("If-Match", "\"1\"")).exchange(), HttpStatus.NOT_FOUND, "method.not-found");
    }

    private long secretaryDraft() {
        signInAs(users, securityContexts, "secretary");
        try {
            return methods.createDraft(new MethodContent("接口测试" + UUID.randomUUID().toString().substring(0, 8), null,
                    Category.MASS_LINE, "问题", null, List.of(), List.of("调研", "座谈", "回访"), null, null, List.of(),
                    null), null, null, null).id();
        } finally {
            securityContexts.clearContext();
        }
    }
}
