package org.methodportal.method.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.account.persistence.BranchMapper;
import org.methodportal.account.persistence.DepartmentMapper;
import org.methodportal.method.Category;
import org.methodportal.method.MethodRow;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.OrganisationRows;
import org.methodportal.statistics.persistence.MonthValue;
import org.methodportal.statistics.persistence.StatisticsMapper;
import org.methodportal.statistics.persistence.StatisticsQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

/** The statements of MethodMapper that import and export use. */
@MapperSlice
class ImportExportMethodMapperTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:15:30.654321Z");
    private static final Instant CREATED = Instant.parse("2016-03-17T16:00:00Z");

    @Autowired
    DepartmentMapper departments;
    @Autowired
    BranchMapper branches;
    @Autowired
    AccountMapper accounts;
    @Autowired
    MethodMapper methods;
    @Autowired
    StatisticsMapper statistics;

    long finance;
    long agriculture;
    long budgetBranch;
    long cropBranch;
    long admin;
    long li;

    OrganisationRows org;

    @BeforeEach
    void organisation() {
        org = new OrganisationRows(departments, branches, accounts, T0);
        finance = org.department("ie-finance");
        agriculture = org.department("ie-agriculture");
        budgetBranch = org.branch(finance, "预算司党支部");
        cropBranch = org.branch(agriculture, "种植业管理司党支部");
        admin = org.account("ie-admin", "管理员", budgetBranch);
        li = org.account("ie-li", "李书记", budgetBranch);
    }

    @Test
    void visibleIdsComeInIdOrderAfterTheGivenIdAndFollowTheVisibilityRule() {
        long published = method("ie-1", li, finance, budgetBranch, MethodStatus.PUBLISHED);
        long ownDraft = method("ie-2", li, finance, budgetBranch, MethodStatus.DRAFT);
        long othersDraft = method("ie-3", admin, agriculture, cropBranch, MethodStatus.DRAFT);
        long reviewedDraft = method("ie-4", admin, finance, budgetBranch, MethodStatus.IN_REVIEW);
        long before = published - 1;

        assertThat(methods.findVisibleIdsAfter(viewer(admin, true, List.of()), before, 10))
                .containsExactly(published, ownDraft, othersDraft, reviewedDraft);
        assertThat(methods.findVisibleIdsAfter(viewer(li, false, List.of()), before, 10))
                .containsExactly(published, ownDraft);
        assertThat(methods.findVisibleIdsAfter(viewer(org.account("ie-rev", "审核", cropBranch), false, List.of(finance)),
                before, 10)).containsExactly(published, ownDraft, reviewedDraft);
        assertThat(methods.findVisibleIdsAfter(viewer(admin, true, List.of()), ownDraft, 2))
                .containsExactly(othersDraft, reviewedDraft);
        assertThat(methods.findVisibleIdsAfter(viewer(admin, true, List.of()), reviewedDraft, 10)).isEmpty();
    }

    @Test
    void importedFieldsAreUpdatedOnlyAtTheExpectedVersion() {
        long id = method("ie-5", admin, finance, budgetBranch, MethodStatus.PUBLISHED);

        assertThat(methods.updateImportedFields(id, agriculture, cropBranch, "原生态", CREATED, T0.plusSeconds(60), 0))
                .isEqualTo(0);
        assertThat(methods.updateImportedFields(id, agriculture, cropBranch, "原生态", CREATED, T0.plusSeconds(60), 1))
                .isEqualTo(1);

        MethodRow row = methods.findById(id).orElseThrow();
        assertThat(row.originDepartmentId()).isEqualTo(agriculture);
        assertThat(row.originBranchId()).isEqualTo(cropBranch);
        assertThat(row.branchName()).isEqualTo("种植业管理司党支部");
        assertThat(row.rawPractice()).isEqualTo("原生态");
        assertThat(row.createdAt()).isEqualTo(CREATED);
        assertThat(row.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(row.version()).isEqualTo(2);
    }

    @Test
    void anExternalIdBelongsToOneMethod() {
        long id = method("ie-6", admin, finance, budgetBranch, MethodStatus.PUBLISHED);

        assertThat(methods.findIdByExternalId("ie-6")).contains(id);
        assertThatThrownBy(() -> method("ie-6", admin, finance, budgetBranch, MethodStatus.DRAFT))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aBatchOfNewMethodsIsWrittenInAFewStatementsAndReadBackBySourceId() {
        methods.insertAll(List.of(
                new NewMethod("ie-b1", Category.COHESION, finance, budgetBranch, admin, MethodStatus.PUBLISHED, "原话",
                        CREATED),
                new NewMethod("ie-b2", Category.MASS_LINE, agriculture, cropBranch, admin, MethodStatus.DRAFT, null,
                        CREATED)));
        Map<String, Long> ids = new HashMap<>();
        methods.findIdsByExternalIds(List.of("ie-b1", "ie-b2", "ie-none"))
                .forEach(row -> ids.put(row.externalId(), row.id()));
        assertThat(ids).containsOnlyKeys("ie-b1", "ie-b2");
        long one = ids.get("ie-b1");
        long two = ids.get("ie-b2");
        methods.insertRevisions(List.of(
                new NewRevision(one, 1, null, "批量一", "摘要", Category.COHESION, "问题", null, null, null, null, admin,
                        T0, "导入", MethodStatus.PUBLISHED),
                new NewRevision(two, 1, null, "批量二", null, Category.MASS_LINE, "问题二", "理念", null, null, null,
                        admin, T0, "导入", MethodStatus.DRAFT)));
        Map<Long, Long> revisions = new HashMap<>();
        methods.findFirstRevisionIds(List.of(one, two)).forEach(r -> revisions.put(r.methodId(), r.revisionId()));

        assertThat(methods.updateImportedRevisions(List.of(one, two), T0)).isEqualTo(2);
        assertThat(methods.updateImportedRevisions(List.of(one, two), T0)).as("only once").isZero();
        methods.insertPublications(List.of(new NewPublication(one, revisions.get(one), T0, admin, one, 0)));
        var financeAllTime = new StatisticsQuery(List.of(finance), null, null, null);
        assertThat(statistics.countFirstPublishedPerMonth(financeAllTime)).as("the first publication is recorded")
                .containsExactly(new MonthValue(202603, "", 1));

        MethodRow published = methods.findById(one).orElseThrow();
        assertThat(published.status()).isEqualTo(MethodStatus.PUBLISHED);
        assertThat(published.latestRevisionId()).isEqualTo(revisions.get(one));
        assertThat(published.publishedRevisionId()).isEqualTo(revisions.get(one));
        assertThat(published.version()).isEqualTo(2);
        assertThat(published.rawPractice()).isEqualTo("原话");
        assertThat(published.createdAt()).isEqualTo(CREATED);
        assertThat(published.updatedAt()).isEqualTo(T0);
        assertThat(methods.findPublishedRevisionNumbers(one)).containsExactly(1);
        MethodRow draft = methods.findById(two).orElseThrow();
        assertThat(draft.latestRevisionId()).isEqualTo(revisions.get(two));
        assertThat(draft.publishedRevisionId()).isNull();
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.branchName()).isEqualTo("种植业管理司党支部");
        assertThat(methods.findRevision(two, 1).orElseThrow().title()).isEqualTo("批量二");
        assertThat(methods.findPublishedRevisionNumbers(two)).isEmpty();
        assertThat(methods.findImportStates(List.of("ie-b1", "ie-b2", "ie-none")))
                .extracting(ImportStateRow::externalId, ImportStateRow::status, ImportStateRow::originBranchId,
                        ImportStateRow::rawPractice, ImportStateRow::createdAt, ImportStateRow::latestShown,
                        ImportStateRow::latestPublished)
                .containsExactlyInAnyOrder(
                        tuple("ie-b1", MethodStatus.PUBLISHED, budgetBranch, "原话", CREATED, true, true),
                        tuple("ie-b2", MethodStatus.DRAFT, cropBranch, null, CREATED, true, false));
        var newer = new GeneratedKey();
        methods.insertRevision(new NewRevision(one, 2, revisions.get(one), "批量一改", null, Category.COHESION, "问题",
                null, null, null, null, admin, T0, null, MethodStatus.DRAFT), newer);
        assertThat(methods.updateLatestRevision(one, newer.getId(), Category.COHESION, T0, 2)).isEqualTo(1);
        assertThat(methods.findImportStates(List.of("ie-b1"))).singleElement()
                .satisfies(s -> assertThat(s.latestShown()).isFalse())
                .satisfies(s -> assertThat(s.latestPublished()).isFalse());
        methods.insertPublications(List.of(new NewPublication(one, newer.getId(), T0.plus(Duration.ofDays(40)), admin,
                one, 0)));
        assertThat(statistics.countFirstPublishedPerMonth(financeAllTime)).as("a later publication is not the first")
                .containsExactly(new MonthValue(202603, "", 1));
    }

    /** A method with one revision, version 1 as after its first revision. */
    private long method(@Nullable String externalId, long owner, long department, long branch, MethodStatus status) {
        var key = new GeneratedKey();
        methods.insert(new NewMethod(externalId, Category.COHESION, department, branch, owner, status, null, T0), key);
        long id = key.getId();
        var revision = new GeneratedKey();
        methods.insertRevision(new NewRevision(id, 1, null, "title", null, Category.COHESION, "problem", null, null,
                null, null, owner, T0, null, status), revision);
        methods.updateLatestRevision(id, revision.getId(), Category.COHESION, T0, 0);
        return id;
    }

    private static MethodQuery viewer(long id, boolean admin, List<Long> reviews) {
        return new MethodQuery(null, null, List.of(), null, null, null, id, admin, reviews, false, false);
    }
}
