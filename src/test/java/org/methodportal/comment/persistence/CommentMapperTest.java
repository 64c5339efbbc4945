package org.methodportal.comment.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.account.persistence.BranchMapper;
import org.methodportal.account.persistence.DepartmentMapper;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.persistence.GeneratedKey;
import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.method.persistence.NewMethod;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.OrganisationRows;
import org.springframework.beans.factory.annotation.Autowired;

@MapperSlice
class CommentMapperTest {

    private static final List<Integer> ALL = List.of(1, 2, 3);
    private static final Instant T0 = Instant.parse("2026-03-01T08:15:30.654321Z");

    @Autowired
    DepartmentMapper departments;
    @Autowired
    BranchMapper branches;
    @Autowired
    AccountMapper accounts;
    @Autowired
    MethodMapper methods;
    @Autowired
    CommentMapper comments;

    long author;
    long moderator;
    long methodId;

    @BeforeEach
    void method() {
        var org = new OrganisationRows(departments, branches, accounts, T0);
        long department = org.department("cm-finance");
        long branch = org.branch(department, "cm-预算司党支部");
        author = org.account("cm-li", "李书记", branch);
        moderator = org.account("cm-wang", "王审核", branch);
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, department, branch, author, MethodStatus.DRAFT, null, T0),
                key);
        methodId = key.getId();
    }

    @Test
    void threadsArePagedNewestActivityFirstWithTheirRepliesInOrder() {
        long old = insert(page("旧话题", T0));
        long recent = insert(page("新话题", T0.plusSeconds(10)));
        long anchored = insert(new NewComment(methodId, null, null, author, "第二步不清楚", 1, "STEPS", 1, "步骤二",
                "改写的步骤二", T0.plusSeconds(20)));
        long reply = insert(new NewComment(methodId, old, old, moderator, "回复", null, null, null, null, null,
                T0.plusSeconds(30)));
        insert(new NewComment(methodId, reply, old, author, "再回复", null, null, null, null, null, T0.plusSeconds(40)));
        assertThat(comments.touchThread(old, T0.plusSeconds(40))).isEqualTo(1);
        assertThat(comments.touchThread(old, T0.plusSeconds(35))).as("activity never moves back").isZero();

        assertThat(comments.findThreads(methodId, false, ALL, 0, 10)).extracting(CommentRow::id)
                .containsExactly(old, recent);
        assertThat(comments.findThreads(methodId, null, ALL, 1, 2)).extracting(CommentRow::id)
                .containsExactly(anchored, recent);
        assertThat(comments.findThreads(methodId, true, ALL, 0, 10)).extracting(CommentRow::id).containsExactly(anchored);
        assertThat(comments.findThreads(methodId, null, List.of(2), 0, 10)).as("revision 1 is not readable")
                .extracting(CommentRow::id).containsExactly(old, recent);
        assertThat(comments.countThreads(methodId, true, List.of())).isZero();
        assertThat(comments.countThreads(methodId, null, ALL)).isEqualTo(3);
        assertThat(comments.countThreads(methodId, false, ALL)).isEqualTo(2);

        List<CommentRow> replies = comments.findReplies(List.of(old, recent));
        assertThat(replies).extracting(CommentRow::body).containsExactly("回复", "再回复");
        assertThat(replies.get(1).parentId()).isEqualTo(reply);
        assertThat(replies.get(1).threadId()).isEqualTo(old);
        assertThat(comments.countChildren(old)).isEqualTo(1);

        CommentRow section = comments.findById(anchored).orElseThrow();
        assertThat(section.authorName()).isEqualTo("李书记");
        assertThat(section.authorLogin()).isEqualTo("cm-li");
        assertThat(section.field()).isEqualTo("STEPS");
        assertThat(section.itemIndex()).isEqualTo(1);
        assertThat(section.anchoredText()).isEqualTo("步骤二");
        assertThat(section.suggestionState()).isEqualTo("PENDING");
        assertThat(section.createdAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(comments.findById(old).orElseThrow().suggestionState()).isNull();
    }

    @Test
    void editsKeepThePreviousTextAndCheckTheVersion() {
        long id = insert(page("原文", T0));
        assertThat(comments.updateBody(id, "新文", T0.plusSeconds(1), 1)).isZero();
        assertThat(comments.updateBody(id, "新文", T0.plusSeconds(1), 0)).isEqualTo(1);
        comments.insertEdit(id, "原文", author, T0.plusSeconds(1));

        CommentRow row = comments.findById(id).orElseThrow();
        assertThat(row.body()).isEqualTo("新文");
        assertThat(row.editedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(row.version()).isEqualTo(1);
        assertThat(comments.findEdits(id)).extracting(CommentEditRow::body, CommentEditRow::editorName)
                .containsExactly(org.assertj.core.api.Assertions.tuple("原文", "李书记"));
    }

    @Test
    void deletingLeavesAPlaceholderOrRemovesTheRow() {
        long parent = insert(page("父", T0));
        long child = insert(new NewComment(methodId, parent, parent, moderator, "子", null, null, null, null, null, T0));
        assertThat(comments.markDeleted(parent, 0)).isEqualTo(1);
        CommentRow placeholder = comments.findById(parent).orElseThrow();
        assertThat(placeholder.deleted()).isTrue();
        assertThat(placeholder.body()).isEmpty();

        assertThat(comments.delete(child, 1)).isZero();
        assertThat(comments.delete(child, 0)).isEqualTo(1);
        assertThat(comments.findById(child)).isEmpty();
    }

    @Test
    void hidingResolvingAndDecidingSuggestionsAreVersionedUpdates() {
        long id = insert(new NewComment(methodId, null, null, author, "建议", 1, "PROBLEM", null, "问题", "更好的问题",
                T0));
        assertThat(comments.updateHidden(id, T0, moderator, "不当言论", 0)).isEqualTo(1);
        CommentRow hidden = comments.findById(id).orElseThrow();
        assertThat(hidden.hiddenReason()).isEqualTo("不当言论");
        assertThat(hidden.hiddenBy()).isEqualTo(moderator);
        assertThat(comments.updateHidden(id, null, null, null, 1)).isEqualTo(1);
        assertThat(comments.findById(id).orElseThrow().hiddenAt()).isNull();

        assertThat(comments.findUnresolvedAnchored(methodId, ALL)).extracting(CommentRow::id).containsExactly(id);
        assertThat(comments.findUnresolvedAnchored(methodId, List.of(2))).isEmpty();
        assertThat(comments.updateResolved(id, T0, moderator, 2)).isEqualTo(1);
        assertThat(comments.findUnresolvedAnchored(methodId, ALL)).isEmpty();
        assertThat(comments.updateResolved(id, null, null, 3)).isEqualTo(1);

        assertThat(comments.updateSuggestion(id, "APPLIED", T0, author, 4)).isEqualTo(1);
        assertThat(comments.updateSuggestion(id, "DISMISSED", T0, author, 5)).as("decided once").isZero();
        CommentRow applied = comments.findById(id).orElseThrow();
        assertThat(applied.suggestionState()).isEqualTo("APPLIED");
        assertThat(applied.resolvedAt()).isEqualTo(T0);
    }

    private NewComment page(String text, Instant at) {
        return new NewComment(methodId, null, null, author, text, null, null, null, null, null, at);
    }

    private long insert(NewComment comment) {
        var key = new CommentKey();
        comments.insert(comment, key);
        return key.getId();
    }
}
