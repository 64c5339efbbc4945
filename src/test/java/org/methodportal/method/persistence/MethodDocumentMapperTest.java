package org.methodportal.method.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.account.persistence.BranchMapper;
import org.methodportal.account.persistence.DepartmentMapper;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.persistence.RevisionItemRow.ItemKind;
import org.methodportal.shared.MapperSlice;
import org.springframework.beans.factory.annotation.Autowired;

@MapperSlice
class MethodDocumentMapperTest {

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
    MethodDocumentMapper documents;

    long finance;
    long budgetBranch;
    long li;

    @BeforeEach
    void organisation() {
        departments.insert("dept-docs", null, T0);
        finance = departments.findByName("dept-docs").orElseThrow().id();
        branches.insert(finance, "预算司党支部", T0);
        budgetBranch = branches.findByName(finance, "预算司党支部").orElseThrow().id();
        accounts.insert("li-docs", "李书记", "li-docs", "{noop}x", budgetBranch, T0);
        li = accounts.findByLogin("li-docs").orElseThrow().id();
    }

    @Test
    void readsThePublishedRevisionOfAPublishedMethodAndTheLatestOfADraft() {
        long published = method(MethodStatus.DRAFT);
        long r1 = revision(published, 1, null, "已发布标题", List.of("措施一", "措施二"), List.of("步骤"), List.of("标签"));
        methods.updateLatestRevision(published, r1, Category.COHESION, T0, 0);
        methods.updatePublishedRevision(published, r1, T0, 1);
        long r2 = revision(published, 2, r1, "修改中标题", List.of("新措施"), List.of(), List.of());
        methods.updateLatestRevision(published, r2, Category.COHESION, T0, 2);
        long draft = method(MethodStatus.DRAFT);
        long d1 = revision(draft, 1, null, "草稿标题", List.of("m"), List.of(), List.of("甲", "乙"));
        methods.updateLatestRevision(draft, d1, Category.COHESION, T0, 0);

        List<MethodDocumentRow> rows = documents.findByIds(List.of(draft, published, -1L));

        assertThat(rows).extracting(MethodDocumentRow::id, MethodDocumentRow::title, MethodDocumentRow::status,
                        MethodDocumentRow::departmentName, MethodDocumentRow::ownerId, MethodDocumentRow::createdAt)
                .containsExactly(tuple(published, "已发布标题", MethodStatus.PUBLISHED, "dept-docs", li, T0),
                        tuple(draft, "草稿标题", MethodStatus.DRAFT, "dept-docs", li, T0));
        assertThat(documents.findItems(List.of(r1, d1)))
                .extracting(RevisionItemRow::revisionId, RevisionItemRow::kind, RevisionItemRow::itemText)
                .containsExactly(tuple(r1, ItemKind.MEASURE, "措施一"), tuple(r1, ItemKind.MEASURE, "措施二"),
                        tuple(r1, ItemKind.STEP, "步骤"), tuple(d1, ItemKind.MEASURE, "m"));
        assertThat(documents.findTags(List.of(r1, d1))).extracting(RevisionTagRow::tag)
                .containsExactly("标签", "甲", "乙");
    }

    @Test
    void pagesThroughAllMethodsInIdOrder() {
        long a = draft("甲");
        long b = draft("乙");
        long c = draft("丙");

        assertThat(documents.findAfter(a - 1, 2)).extracting(MethodDocumentRow::id).containsExactly(a, b);
        assertThat(documents.findAfter(b, 2)).extracting(MethodDocumentRow::id).containsExactly(c);
        assertThat(documents.countAll()).as("what paging from 0 reaches").isEqualTo(documents.findAfter(0, 1000).size());
        assertThat(documents.findIdsUpdatedSince(T0)).contains(a, b, c);
        assertThat(documents.findIdsUpdatedSince(T0.plusSeconds(1))).doesNotContain(a, b, c);
    }

    private long draft(String title) {
        long id = method(MethodStatus.DRAFT);
        long r = revision(id, 1, null, title, List.of("m"), List.of(), List.of());
        methods.updateLatestRevision(id, r, Category.COHESION, T0, 0);
        return id;
    }

    private long method(MethodStatus status) {
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, finance, budgetBranch, li, status, null, T0), key);
        return key.getId();
    }

    private long revision(long methodId, int n, Long base, String title, List<String> measures, List<String> steps,
                          List<String> tags) {
        var key = new GeneratedKey();
        methods.insertRevision(new NewRevision(methodId, n, base, title, "summary", Category.COHESION, "problem",
                null, null, null, null, li, T0, "note", MethodStatus.DRAFT), key);
        long id = key.getId();
        for (int i = 0; i < measures.size(); i++) {
            methods.insertItems(List.of(new RevisionItemRow(id, ItemKind.MEASURE, i, measures.get(i))));
        }
        for (int i = 0; i < steps.size(); i++) {
            methods.insertItems(List.of(new RevisionItemRow(id, ItemKind.STEP, i, steps.get(i))));
        }
        for (int i = 0; i < tags.size(); i++) {
            methods.insertTags(List.of(new RevisionTagRow(id, i, tags.get(i))));
        }
        return id;
    }
}
