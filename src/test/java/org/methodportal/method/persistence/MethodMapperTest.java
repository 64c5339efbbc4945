package org.methodportal.method.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.account.persistence.BranchMapper;
import org.methodportal.account.persistence.DepartmentMapper;
import org.methodportal.method.Category;
import org.methodportal.method.MethodRow;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.method.PublicationSource;
import org.methodportal.method.persistence.RevisionItemRow.ItemKind;
import org.methodportal.shared.LikePattern;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.OrganisationRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

@MapperSlice
class MethodMapperTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:15:30.654321Z");

    @Autowired
    DepartmentMapper departments;
    @Autowired
    BranchMapper branches;
    @Autowired
    AccountMapper accounts;
    @Autowired
    MethodMapper methods;

    long finance;
    long agriculture;
    long budgetBranch;
    long cropBranch;
    long li;
    long chen;

    OrganisationRows org;

    @BeforeEach
    void organisation() {
        org = new OrganisationRows(departments, branches, accounts, T0);
        finance = org.department("dept-finance");
        agriculture = org.department("dept-agriculture");
        budgetBranch = org.branch(finance, "预算司党支部");
        cropBranch = org.branch(agriculture, "种植业管理司党支部");
        li = org.account("li", "李书记", budgetBranch);
        chen = org.account("chen", "陈书记", cropBranch);
    }

    @Test
    void insertedMethodAndRevisionAreReadBackWithNamesAndLists() {
        long id = method(li, finance, budgetBranch, Category.MASS_LINE, MethodStatus.DRAFT, T0);
        long r1 = revision(id, 1, null, "五对接", li, T0, List.of("对接需求", "对接资源"), List.of("调研"),
                List.of("财政", "对接"));
        assertThat(methods.updateLatestRevision(id, r1, Category.MASS_LINE, T0, 0)).isEqualTo(1);

        MethodRow row = methods.findById(id).orElseThrow();
        assertThat(row.departmentName()).isEqualTo("dept-finance");
        assertThat(row.branchName()).isEqualTo("预算司党支部");
        assertThat(row.ownerName()).isEqualTo("李书记");
        assertThat(row.status()).isEqualTo(MethodStatus.DRAFT);
        assertThat(row.category()).isEqualTo(Category.MASS_LINE);
        assertThat(row.latestRevisionId()).isEqualTo(r1);
        assertThat(row.latestRevisionNumber()).isEqualTo(1);
        assertThat(row.publishedRevisionId()).isNull();
        assertThat(row.publishedRevisionNumber()).isNull();
        assertThat(row.createdAt()).isEqualTo(T0);
        assertThat(row.version()).isEqualTo(1);

        RevisionRow revision = methods.findRevision(id, 1).orElseThrow();
        assertThat(revision.id()).isEqualTo(r1);
        assertThat(revision.title()).isEqualTo("五对接");
        assertThat(revision.authorName()).isEqualTo("李书记");
        assertThat(revision.baseNumber()).isNull();
        assertThat(revision.createdAt()).isEqualTo(T0);
        assertThat(revision.statusAtCreation()).isEqualTo(MethodStatus.DRAFT);
        assertThat(methods.findRevisionById(r1)).contains(revision);
        assertThat(methods.findItems(r1)).extracting(RevisionItemRow::kind, RevisionItemRow::itemText)
                .containsExactly(tuple(ItemKind.MEASURE, "对接需求"),
                        tuple(ItemKind.MEASURE, "对接资源"),
                        tuple(ItemKind.STEP, "调研"));
        assertThat(methods.findTags(r1)).extracting(RevisionTagRow::tag).containsExactly("财政", "对接");
    }

    @Test
    void revisionNumbersAreUniquePerMethodAndHistoryIsNewestFirst() {
        long id = method(li, finance, budgetBranch, Category.COHESION, MethodStatus.DRAFT, T0);
        long r1 = revision(id, 1, null, "v1", li, T0, List.of("m"), List.of(), List.of());
        long r2 = revision(id, 2, r1, "v2", chen, T0.plusSeconds(60), List.of("m"), List.of(), List.of());
        methods.updateLatestRevision(id, r2, Category.COHESION, T0, 0);

        assertThat(methods.findRevisions(id, false)).extracting(RevisionRow::number).containsExactly(2, 1);
        assertThat(methods.findRevisions(id, true)).isEmpty();
        methods.insertPublication(id, r1, T0, li, id, 1);
        assertThat(methods.findRevisions(id, true)).extracting(RevisionRow::title).containsExactly("v1");
        assertThat(methods.findPublishedRevisionNumbers(id)).containsExactly(1);
        assertThat(methods.findPublicationSource(id, r1)).contains(new PublicationSource(id, 1));
        assertThat(methods.findRevision(id, 2).orElseThrow().baseNumber()).isEqualTo(1);
        assertThat(methods.findRevision(id, 3)).isEmpty();
        assertThatThrownBy(() -> revision(id, 2, r1, "again", li, T0, List.of("m"), List.of(), List.of()))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void updatesOnlyTheExpectedVersion() {
        long id = method(li, finance, budgetBranch, Category.COHESION, MethodStatus.DRAFT, T0);
        long r1 = revision(id, 1, null, "v1", li, T0, List.of("m"), List.of(), List.of());

        assertThat(methods.updateLatestRevision(id, r1, Category.COHESION, T0, 0)).isEqualTo(1);
        assertThat(methods.updateLatestRevision(id, r1, Category.COHESION, T0, 0)).as("stale").isZero();
        assertThat(methods.lockVersion(id)).contains(1);
        assertThat(methods.updateStatus(id, MethodStatus.IN_REVIEW, T0, 1)).isEqualTo(1);
        assertThat(methods.findById(id).orElseThrow().status()).isEqualTo(MethodStatus.IN_REVIEW);
        assertThat(methods.lockVersion(-1)).isEmpty();
    }

    @Test
    void submissionStartsTheNextRoundOnTheLatestRevision() {
        long id = method(li, finance, budgetBranch, Category.COHESION, MethodStatus.DRAFT, T0);
        long r1 = revision(id, 1, null, "v1", li, T0, List.of("m"), List.of(), List.of());
        methods.updateLatestRevision(id, r1, Category.COHESION, T0, 0);

        assertThat(methods.updateSubmitted(id, T0.plusSeconds(5), 1)).isEqualTo(1);
        assertThat(methods.updateSubmitted(id, T0.plusSeconds(5), 1)).as("stale").isZero();
        MethodRow row = methods.findById(id).orElseThrow();
        assertThat(row.status()).isEqualTo(MethodStatus.IN_REVIEW);
        assertThat(row.submittedRevisionNumber()).isEqualTo(1);
        assertThat(row.reviewRound()).isEqualTo(1);
        assertThat(row.submittedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void changeRequestsNameTheirTargetAndStayOutOfTheBrowseList() {
        long target = draft(li, finance, budgetBranch, Category.COHESION, "目标", T0, List.of());
        long published = methods.findById(target).orElseThrow().latestRevisionId();
        methods.updatePublishedRevision(target, published, T0, 1);
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, finance, budgetBranch, chen, MethodStatus.DRAFT, null,
                T0.plusSeconds(1), target, published), key);
        long request = key.getId();
        long r1 = revision(request, 1, null, "目标（修改）", chen, T0, List.of("m"), List.of(), List.of());
        methods.updateLatestRevision(request, r1, Category.COHESION, T0, 0);

        MethodRow row = methods.findById(request).orElseThrow();
        assertThat(row.changeOfMethodId()).isEqualTo(target);
        assertThat(row.changeOfTitle()).isEqualTo("目标");
        assertThat(row.basePublishedRevisionNumber()).isEqualTo(1);
        assertThat(ids(admin())).contains(target).doesNotContain(request);
        assertThat(methods.findChangeRequests(target, List.of(MethodStatus.DRAFT))).extracting(MethodSummary::id)
                .containsExactly(request);
        assertThat(methods.findChangeRequests(target, List.of(MethodStatus.IN_REVIEW))).isEmpty();
        assertThat(methods.updateBasePublishedRevision(request, published, T0, 1)).isEqualTo(1);
    }

    @Test
    void aChangeRequestKnowsWhenItsTargetPublishedANewerRevisionAndIsRebasedInOneUpdate() {
        long target = draft(li, finance, budgetBranch, Category.COHESION, "目标", T0, List.of());
        long v1 = methods.findById(target).orElseThrow().latestRevisionId();
        methods.updatePublishedRevision(target, v1, T0, 1);
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, finance, budgetBranch, chen, MethodStatus.IN_REVIEW,
                null, T0, target, v1), key);
        long request = key.getId();
        long r1 = revision(request, 1, null, "修改", chen, T0, List.of("m"), List.of(), List.of());
        methods.updateLatestRevision(request, r1, Category.COHESION, T0, 0);
        assertThat(methods.findById(request).orElseThrow().baseOutdated()).isFalse();

        long v2 = revision(target, 2, v1, "目标第二版", li, T0, List.of("m"), List.of(), List.of());
        methods.updatePublishedRevision(target, v2, T0, 2);
        MethodRow stale = methods.findById(request).orElseThrow();
        assertThat(stale.targetPublishedRevisionNumber()).isEqualTo(2);
        assertThat(stale.basePublishedRevisionNumber()).isEqualTo(1);
        assertThat(stale.baseOutdated()).isTrue();
        assertThat(methods.findChangeRequests(target, List.of())).singleElement()
                .satisfies(summary -> assertThat(summary.baseOutdated()).isTrue());

        long r2 = revision(request, 2, r1, "修改（合并）", chen, T0, List.of("m"), List.of(), List.of());
        assertThat(methods.updateRebased(request, r2, v2, MethodStatus.DRAFT, Category.TEAM_BUILDING, T0.plusSeconds(9),
                0)).as("only the expected version").isZero();
        assertThat(methods.updateRebased(request, r2, v2, MethodStatus.DRAFT, Category.TEAM_BUILDING, T0.plusSeconds(9),
                stale.version())).isEqualTo(1);
        MethodRow rebased = methods.findById(request).orElseThrow();
        assertThat(rebased.latestRevisionNumber()).isEqualTo(2);
        assertThat(rebased.basePublishedRevisionNumber()).isEqualTo(2);
        assertThat(rebased.status()).isEqualTo(MethodStatus.DRAFT);
        assertThat(rebased.category()).isEqualTo(Category.TEAM_BUILDING);
        assertThat(rebased.updatedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(rebased.baseOutdated()).isFalse();
        assertThat(methods.findChangeRequests(target, List.of())).singleElement()
                .satisfies(summary -> assertThat(summary.baseOutdated()).isFalse());
        assertThat(methods.updateRebased(target, v2, v2, MethodStatus.DRAFT, Category.COHESION, T0,
                methods.findById(target).orElseThrow().version())).as("never a method that is no change request")
                .isZero();
    }

    @Test
    void publishingMovesThePointerAndListsFollowThePublishedRevision() {
        long id = method(li, finance, budgetBranch, Category.COHESION, MethodStatus.DRAFT, T0);
        long r1 = revision(id, 1, null, "published title", li, T0, List.of("m"), List.of(), List.of("标签"));
        methods.updateLatestRevision(id, r1, Category.COHESION, T0, 0);
        assertThat(methods.updatePublishedRevision(id, r1, T0, 1)).isEqualTo(1);
        long r2 = revision(id, 2, r1, "pending title", li, T0, List.of("m"), List.of(), List.of());
        methods.updateLatestRevision(id, r2, Category.TEAM_BUILDING, T0, 2);

        MethodRow row = methods.findById(id).orElseThrow();
        assertThat(row.status()).isEqualTo(MethodStatus.PUBLISHED);
        assertThat(row.publishedRevisionNumber()).isEqualTo(1);
        assertThat(row.latestRevisionNumber()).isEqualTo(2);
        assertThat(row.category()).as("the published category stays").isEqualTo(Category.COHESION);
        List<MethodSummary> page = methods.findPage(admin(), null, false, 0, 10);
        assertThat(page).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("published title");
            assertThat(s.latestRevision()).isEqualTo(2);
            assertThat(s.publishedRevision()).isEqualTo(1);
        });
        assertThat(ids(query(null, null, List.of(), null, null, LikePattern.contains("published"))))
                .as("the title filter matches the shown revision's title").containsExactly(id);
        assertThat(ids(query(null, null, List.of(), null, null, LikePattern.contains("pending")))).isEmpty();
        assertThat(methods.findPublishedTagsLike(LikePattern.contains("标"), 5)).containsExactly("标签");
    }

    @Test
    void titleSortFollowsTheShownRevision() {
        long b = draft(li, finance, budgetBranch, Category.COHESION, "b 第二", T0, List.of());
        long a = draft(li, finance, budgetBranch, Category.COHESION, "c 第三", T0, List.of());
        long r2 = revision(a, 2, null, "a 第一", li, T0, List.of("m"), List.of(), List.of());
        methods.updateLatestRevision(a, r2, Category.COHESION, T0, 1);

        assertThat(ids(methods.findPage(admin(), "title", true, 0, 10))).containsExactly(a, b);
        assertThat(ids(methods.findPage(admin(), "title", false, 0, 10))).containsExactly(b, a);
    }

    @Test
    void browseFiltersByCategoryDepartmentStatusOwnerTagAndTitle() {
        long a = draft(li, finance, budgetBranch, Category.MASS_LINE, "群众工作_法", T0, List.of("x"));
        long b = draft(chen, agriculture, cropBranch, Category.MASS_LINE, "接地气", T0.plusSeconds(1), List.of("y"));
        long c = draft(li, finance, budgetBranch, Category.COHESION, "凝心", T0.plusSeconds(2), List.of("x", "y"));
        methods.updateStatus(c, MethodStatus.IN_REVIEW, T0.plusSeconds(2), 1);

        assertThat(ids(query(Category.MASS_LINE, null, List.of(), null, null, null))).containsExactly(b, a);
        assertThat(ids(query(null, finance, List.of(), null, null, null))).containsExactly(c, a);
        assertThat(ids(query(null, null, List.of(MethodStatus.IN_REVIEW), null, null, null))).containsExactly(c);
        assertThat(ids(query(null, null, List.of(), "y", null, null))).containsExactly(c, b);
        assertThat(ids(query(null, null, List.of(), null, chen, null))).containsExactly(b);
        assertThat(ids(query(null, null, List.of(), null, null, LikePattern.contains("_")))).containsExactly(a);
        assertThat(methods.count(query(null, null, List.of(), "x", li, null), 100)).isEqualTo(2);
        assertThat(methods.count(query(null, null, List.of(), null, null, LikePattern.contains("接")), 100)).isEqualTo(1);
    }

    @Test
    void browseShowsOthersOnlyPublicMethodsUnlessTheyReviewTheOrigin() {
        long draft = draft(li, finance, budgetBranch, Category.MASS_LINE, "draft", T0, List.of());
        long published = draft(li, finance, budgetBranch, Category.MASS_LINE, "published", T0.plusSeconds(1), List.of());
        methods.updatePublishedRevision(published, methods.findById(published).orElseThrow().latestRevisionId(), T0, 1);
        long archived = draft(chen, agriculture, cropBranch, Category.MASS_LINE, "archived", T0.plusSeconds(2), List.of());
        methods.updateStatus(archived, MethodStatus.ARCHIVED, T0.plusSeconds(2), 1);
        long rejected = draft(chen, agriculture, cropBranch, Category.MASS_LINE, "rejected", T0.plusSeconds(3), List.of());
        methods.updateStatus(rejected, MethodStatus.REJECTED, T0.plusSeconds(3), 1);

        assertThat(ids(viewer(chen, false, List.of()))).containsExactly(rejected, archived, published);
        assertThat(ids(viewer(li, false, List.of()))).containsExactly(archived, published, draft);
        assertThat(ids(viewer(-1, false, List.of()))).containsExactly(archived, published);
        assertThat(ids(viewer(-1, false, List.of(finance)))).containsExactly(archived, published, draft);
        assertThat(ids(viewer(-1, false, List.of(agriculture, 999L)))).containsExactly(rejected, archived, published);
        assertThat(ids(viewer(-1, true, List.of()))).containsExactly(rejected, archived, published, draft);
        assertThat(methods.count(viewer(-1, false, List.of()), 100)).isEqualTo(2);
        assertThat(methods.count(viewer(-1, true, List.of()), 100)).isEqualTo(4);
        assertThat(methods.count(viewer(-1, true, List.of()), 3)).as("counts no further than the cap").isEqualTo(3);
    }

    @Test
    void browsePagesAndSorts() {
        long a = draft(li, finance, budgetBranch, Category.URGENT_TASKS, "丙", T0.plusSeconds(2), List.of());
        long b = draft(li, finance, budgetBranch, Category.BUSINESS_PROBLEMS, "甲", T0, List.of());
        long c = draft(li, finance, budgetBranch, Category.COHESION, "乙", T0.plusSeconds(1), List.of());

        assertThat(ids(methods.findPage(admin(), "updatedAt", false, 0, 2))).containsExactly(a, c);
        assertThat(ids(methods.findPage(admin(), "updatedAt", false, 2, 2))).containsExactly(b);
        assertThat(ids(methods.findPage(admin(), "createdAt", true, 0, 3))).containsExactly(b, c, a);
        assertThat(ids(methods.findPage(admin(), "category", true, 0, 3))).containsExactly(b, c, a);
        // Each order walks its own index on H2: every key in both directions, and past the first row.
        assertThat(ids(methods.findPage(admin(), "createdAt", false, 1, 2))).containsExactly(c, b);
        assertThat(ids(methods.findPage(admin(), "title", true, 0, 3))).containsExactly(a, c, b);
        assertThat(ids(methods.findPage(admin(), "title", false, 0, 3))).containsExactly(b, c, a);
        assertThat(ids(methods.findPage(admin(), "category", false, 1, 2))).containsExactly(c, b);
        assertThat(ids(methods.findPage(admin(), "status", false, 0, 3))).containsExactly(c, b, a);
        assertThat(ids(methods.findPage(admin(), "bogus; DROP TABLE method", false, 0, 1))).containsExactly(a);
    }

    @Test
    void theBranchesUsingAMethodFilterAndOrderTheListWithoutTouchingTheMethod() {
        long a = draft(li, finance, budgetBranch, Category.COHESION, "甲", T0, List.of());
        long b = draft(li, finance, budgetBranch, Category.COHESION, "乙", T0.plusSeconds(1), List.of());
        long c = draft(li, finance, budgetBranch, Category.COHESION, "丙", T0.plusSeconds(2), List.of());
        int version = methods.findById(a).orElseThrow().version();
        methods.addAdoptingBranches(a, 1);
        methods.addAdoptingBranches(a, 1);
        methods.addAdoptingBranches(b, 1);
        methods.addAdoptingBranches(b, 1);
        methods.addAdoptingBranches(b, 1);
        methods.addAdoptingBranches(b, -1);
        methods.addAdoptingBranches(b, 1);

        MethodRow row = methods.findById(a).orElseThrow();
        assertThat(row.adoptingBranches()).isEqualTo(2);
        assertThat(row.version()).as("adopting is not an edit").isEqualTo(version);
        assertThat(row.updatedAt()).isEqualTo(T0);
        assertThat(methods.findPage(admin(), "adoptions", false, 0, 3)).extracting(MethodSummary::id,
                MethodSummary::adoptingBranches).containsExactly(tuple(b, 3), tuple(a, 2), tuple(c, 0));
        assertThat(ids(methods.findPage(admin(), "adoptions", true, 1, 2))).as("ascending, past the first row")
                .containsExactly(a, b);
        var adopted = new MethodQuery(null, null, List.of(), null, null, null, -1, true, List.of(), false, true);
        assertThat(ids(methods.findPage(adopted, "adoptions", false, 0, 10))).containsExactly(b, a);
        assertThat(methods.count(adopted, 100)).isEqualTo(2);
        assertThat(methods.findAdoptingBranches(List.of(a, b, c))).as("drafts are never adopted: left out").isEmpty();
        methods.updateStatus(a, MethodStatus.PUBLISHED, T0.plusSeconds(5), version);
        assertThat(methods.findAdoptingBranches(List.of(a, b, c))).containsExactly(new AdoptingBranches(a, 2));
    }

    @Test
    void externalIdsAreUniqueButOptional() {
        long id = methodWithExternalId("mp-0001");
        methodWithExternalId(null);
        methodWithExternalId(null);

        assertThat(methods.findIdByExternalId("mp-0001")).contains(id);
        assertThat(methods.findIdByExternalId("mp-0002")).isEmpty();
        assertThatThrownBy(() -> methodWithExternalId("mp-0001")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void needsAnExistingOwner() {
        assertThatThrownBy(() -> method(-1, finance, budgetBranch, Category.COHESION, MethodStatus.DRAFT, T0))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    // ---- helpers

    private MethodQuery admin() {
        return viewer(-1, true, List.of());
    }

    private MethodQuery viewer(long viewerId, boolean admin, List<Long> reviews) {
        return new MethodQuery(null, null, List.of(), null, null, null, viewerId, admin, reviews, false, false);
    }

    private List<Long> ids(MethodQuery query) {
        return ids(methods.findPage(query, null, false, 0, 50));
    }

    private static List<Long> ids(List<MethodSummary> page) {
        return page.stream().map(MethodSummary::id).toList();
    }

    private MethodQuery query(@Nullable Category category, @Nullable Long department, List<MethodStatus> statuses,
                              @Nullable String tag, @Nullable Long owner, @Nullable String titlePattern) {
        return new MethodQuery(category, department, statuses, tag, owner, titlePattern, -1, true, List.of(), false, false);
    }

    private long draft(long owner, long department, long branch, Category category, String title, Instant at,
                       List<String> tags) {
        long id = method(owner, department, branch, category, MethodStatus.DRAFT, at);
        long r1 = revision(id, 1, null, title, owner, at, List.of("措施"), List.of(), tags);
        methods.updateLatestRevision(id, r1, category, at, 0);
        return id;
    }

    private long method(long owner, long department, long branch, Category category, MethodStatus status,
                        Instant at) {
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, category, department, branch, owner, status, null, at), key);
        return key.getId();
    }

    private long methodWithExternalId(@Nullable String externalId) {
        var key = new GeneratedKey();
        methods.insert(new NewMethod(externalId, Category.COHESION, finance, budgetBranch, li, MethodStatus.PUBLISHED,
                "原生态", T0), key);
        return key.getId();
    }

    private long revision(long methodId, int n, @Nullable Long base, String title, long author, Instant at,
                          List<String> measures, List<String> steps, List<String> tags) {
        var key = new GeneratedKey();
        methods.insertRevision(new NewRevision(methodId, n, base, title, "summary", Category.COHESION, "problem",
                null, null, null, null, author, at, "note", MethodStatus.DRAFT), key);
        long id = key.getId();
        var items = new ArrayList<RevisionItemRow>();
        for (int i = 0; i < measures.size(); i++) {
            items.add(new RevisionItemRow(id, ItemKind.MEASURE, i, measures.get(i)));
        }
        for (int i = 0; i < steps.size(); i++) {
            items.add(new RevisionItemRow(id, ItemKind.STEP, i, steps.get(i)));
        }
        if (!items.isEmpty()) {
            methods.insertItems(items);
        }
        if (!tags.isEmpty()) {
            var rows = new ArrayList<RevisionTagRow>();
            for (int i = 0; i < tags.size(); i++) {
                rows.add(new RevisionTagRow(id, i, tags.get(i)));
            }
            methods.insertTags(rows);
        }
        return id;
    }
}
