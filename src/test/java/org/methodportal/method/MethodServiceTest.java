package org.methodportal.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.methodportal.method.MethodRevisionEvent.MethodCreated;
import org.methodportal.proposal.ProposalService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalException.Kind;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@ServiceTest
@RecordApplicationEvents
class MethodServiceTest {

    private static final PageRequest FIRST_PAGE = new PageRequest(0, 50, "updatedAt", false);

    @Autowired
    MethodService methods;
    @Autowired
    ProposalService proposals;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void createsADraftWithItsFirstRevisionInTheAuthorsBranch() {
        var secretary = signInAs(users, securityContexts, "secretary");

        MethodDetail created = methods.createDraft(content("“五对接”工作法", "tag-" + UUID.randomUUID()), null, null,
                "初稿");

        assertThat(created.status()).isEqualTo(MethodStatus.DRAFT);
        assertThat(created.ownerId()).isEqualTo(secretary.id());
        assertThat(created.originBranchId()).isEqualTo(secretary.branchId());
        assertThat(created.originDepartmentId()).isEqualTo(secretary.departmentId());
        assertThat(created.departmentName()).isEqualTo("财政部");
        assertThat(created.latestRevision()).isEqualTo(1);
        assertThat(created.publishedRevision()).isNull();
        Revision first = created.revision();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.baseNumber()).isNull();
        assertThat(first.authorName()).isEqualTo("李书记");
        assertThat(first.changeNote()).isEqualTo("初稿");
        assertThat(first.statusAtCreation()).isEqualTo(MethodStatus.DRAFT);
        assertThat(first.content().title()).isEqualTo("“五对接”工作法");
        assertThat(first.content().measures()).containsExactly("对接需求", "对接资源");
        assertThat(first.content().steps()).containsExactly("调研", "座谈", "回访");
        assertThat(events.stream(MethodRevisionEvent.class)).singleElement().satisfies(event -> {
            assertThat(event).isEqualTo(new MethodCreated(created.id(), "“五对接”工作法", secretary.id(), secretary.id(),
                    false));
            assertThat(event.action()).isEqualTo("method.created");
            assertThat(event.revisionNumber()).isEqualTo(1);
            assertThat(event.detail()).isEqualTo("r1 “五对接”工作法");
        });
    }

    @Test
    void everySaveCreatesANewRevisionAndLeavesTheOldOnesUnchanged() {
        signInAs(users, securityContexts, "secretary");
        MethodDetail created = methods.createDraft(content("三抓四比", null), null, null, "初稿");
        Revision first = methods.revision(created.id(), 1);

        MethodDetail second = methods.saveRevision(created.id(), edited(first.content(), "三抓四比（修订）"), 1, "改名");
        MethodDetail third = methods.saveRevision(created.id(), edited(second.revision().content(), "三抓四比（定稿）"), 2,
                null);

        assertThat(third.latestRevision()).isEqualTo(3);
        assertThat(third.revision().baseNumber()).isEqualTo(2);
        assertThat(third.revision().content().measures()).containsExactly("对接需求", "对接资源", "新增措施", "新增措施");
        assertThat(methods.revision(created.id(), 1)).isEqualTo(first);
        assertThat(methods.revision(created.id(), 2).content().title()).isEqualTo("三抓四比（修订）");
        assertThat(methods.revisions(created.id())).extracting(RevisionSummary::number, RevisionSummary::title)
                .containsExactly(tuple(3, "三抓四比（定稿）"),
                        tuple(2, "三抓四比（修订）"),
                        tuple(1, "三抓四比"));
        assertThat(events.stream(MethodRevisionEvent.class)).extracting(MethodRevisionEvent::action)
                .containsExactly("method.created", "method.revised", "method.revised");
    }

    @Test
    void secondSaveFromTheSameBaseIsStaleAndNothingIsLost() {
        signInAs(users, securityContexts, "secretary");
        long id = methods.createDraft(content("接地气", null), null, null, null).id();
        methods.saveRevision(id, edited(content("接地气", null), "接地气（甲）"), 1, "甲");

        assertThatThrownBy(() -> methods.saveRevision(id, edited(content("接地气", null), "接地气（乙）"), 1, "乙"))
                .isInstanceOfSatisfying(MethodStaleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.STALE);
                    assertThat(e.code()).isEqualTo("method.stale");
                    assertThat(e.baseRevision()).isEqualTo(1);
                    assertThat(e.latestRevision()).isEqualTo(2);
                });

        assertThat(methods.revisions(id)).hasSize(2);
        assertThat(methods.get(id).revision().content().title()).isEqualTo("接地气（甲）");
        assertThat(methods.revision(id, 1).content().title()).isEqualTo("接地气");
    }

    @Test
    void concurrentSavesFromTheSameBaseWriteOneRevisionAndRefuseTheOther() throws Exception {
        signInAs(users, securityContexts, "secretary");
        long id = methods.createDraft(content("支点", null), null, null, null).id();
        var barrier = new CyclicBarrier(2);
        Callable<MethodDetail> secretarySave = () -> {
            signInAs(users, securityContexts, "secretary");
            barrier.await();
            return methods.saveRevision(id, edited(content("支点", null), "支点（书记）"), 1, null);
        };
        Callable<MethodDetail> adminSave = () -> {
            signInAs(users, securityContexts, "admin");
            barrier.await();
            return methods.saveRevision(id, edited(content("支点", null), "支点（管理员）"), 1, null);
        };

        List<Object> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<MethodDetail>> futures = List.of(pool.submit(secretarySave), pool.submit(adminSave));
            for (Future<MethodDetail> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        }

        assertThat(outcomes).filteredOn(MethodDetail.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(MethodStaleException.class::isInstance).hasSize(1);
        MethodDetail winner = (MethodDetail) outcomes.stream().filter(MethodDetail.class::isInstance).findFirst().orElseThrow();
        assertThat(methods.revisions(id)).extracting(RevisionSummary::number).containsExactly(2, 1);
        assertThat(methods.get(id).revision().content().title()).isEqualTo(winner.revision().content().title());
    }

    @Test
    void draftIsVisibleToOwnerReviewersOfItsDepartmentAndAdminsOnly() {
        signInAs(users, securityContexts, "secretary2");
        String tag = "tag-" + UUID.randomUUID();
        long id = methods.createDraft(content("农业部草稿", tag), null, null, null).id();
        var byTag = new MethodFilter(null, null, null, tag, null, false, null);

        for (String login : List.of("secretary2", "reviewer", "admin")) {
            signInAs(users, securityContexts, login);
            assertThat(methods.get(id).revision().number()).as(login).isEqualTo(1);
            assertThat(methods.revisions(id)).as(login).hasSize(1);
            assertThat(methods.count(byTag).value()).as(login).isEqualTo(1);
        }
        // reviewer2 reviews 财政部, 海关总署 and 外交部, not the draft's 农业部
        for (String login : List.of("secretary", "member", "reviewer2")) {
            signInAs(users, securityContexts, login);
            assertRefused(() -> methods.get(id), Kind.NOT_FOUND, "method.not-found");
            assertRefused(() -> methods.revision(id, 1), Kind.NOT_FOUND, "method.not-found");
            assertRefused(() -> methods.revisions(id), Kind.NOT_FOUND, "method.not-found");
            assertThat(methods.count(byTag).value()).as(login).isZero();
            assertThat(methods.browse(byTag, FIRST_PAGE).content()).as(login).isEmpty();
        }
    }

    @Test
    void publishedMethodIsReadByEveryoneButItsLaterRevisionsOnlyByThoseAllowed() {
        signInAs(users, securityContexts, "secretary");
        String tag = "tag-" + UUID.randomUUID();
        long id = methods.createDraft(content("草稿标题", tag), null, null, null).id();
        methods.saveRevision(id, edited(content("已发布", tag), "已发布"), 1, null);
        publish(id, 2);
        var byTag = new MethodFilter(null, null, null, tag, null, false, null);

        signInAs(users, securityContexts, "member");
        MethodDetail seen = methods.get(id);
        assertThat(seen.status()).isEqualTo(MethodStatus.PUBLISHED);
        assertThat(seen.revision().number()).isEqualTo(2);
        assertThat(methods.revisions(id)).as("only published versions").extracting(RevisionSummary::number)
                .containsExactly(2);
        assertRefused(() -> methods.revision(id, 1), Kind.NOT_FOUND, "method.revision-not-found");
        assertThat(methods.browse(byTag, FIRST_PAGE).content()).singleElement()
                .satisfies(s -> assertThat(s.title()).isEqualTo("已发布"));

        signInAs(users, securityContexts, "secretary2");
        assertThat(methods.count(byTag).value()).isEqualTo(1);

        signInAs(users, securityContexts, "reviewer");
        assertThat(methods.revision(id, 1).content().title()).isEqualTo("草稿标题");
        assertThat(methods.revisions(id)).hasSize(2);
    }

    @Test
    void browseFiltersAndMyDrafts() {
        String tag = "tag-" + UUID.randomUUID();
        signInAs(users, securityContexts, "secretary");
        MethodDetail mine = methods.createDraft(content("我的草稿", tag), null, null, null);
        signInAs(users, securityContexts, "reviewer");
        var other = methods.createDraft(new MethodContent("审核人起草", null, Category.TEAM_BUILDING, "问题", null,
                List.of("措施"), List.of(), null, null, List.of(tag), null), null, null, null);

        signInAs(users, securityContexts, "admin");
        assertThat(methods.count(new MethodFilter(null, null, null, tag, null, false, null)).value()).isEqualTo(2);
        assertThat(methods.find(new MethodFilter(Category.TEAM_BUILDING, null, null, tag, null, false, null),
                FIRST_PAGE)).extracting(MethodSummary::id).containsExactly(other.id());
        assertThat(methods.find(new MethodFilter(null, mine.originDepartmentId(), MethodStatus.DRAFT, tag, null, false,
                null), FIRST_PAGE)).extracting(MethodSummary::id).containsExactly(mine.id());
        assertThat(methods.find(new MethodFilter(null, null, null, tag, mine.ownerId(), false, "草稿"), FIRST_PAGE))
                .extracting(MethodSummary::id).containsExactly(mine.id());
        assertThat(methods.count(new MethodFilter(null, null, MethodStatus.PUBLISHED, tag, null, false, null)).value()).isZero();

        signInAs(users, securityContexts, "secretary");
        assertThat(methods.myDrafts(FIRST_PAGE).content()).extracting(MethodSummary::id).contains(mine.id())
                .doesNotContain(other.id());
        assertThat(methods.count(new MethodFilter(null, null, null, tag, null, true, null)).value()).isEqualTo(1);
    }

    @Test
    void onlyTheOwnerOrAnAdminSavesADraft() {
        signInAs(users, securityContexts, "secretary");
        long id = methods.createDraft(content("只许本人", null), null, null, null).id();

        signInAs(users, securityContexts, "reviewer");
        assertRefused(() -> methods.saveRevision(id, content("改", null), 1, null), Kind.FORBIDDEN, "workflow.owner-only");
        signInAs(users, securityContexts, "secretary2");
        assertRefused(() -> methods.saveRevision(id, content("改", null), 1, null), Kind.NOT_FOUND, "method.not-found");
        signInAs(users, securityContexts, "admin");
        assertThat(methods.saveRevision(id, content("管理员改", null), 1, "整理").latestRevision()).isEqualTo(2);
        signInAs(users, securityContexts, "secretary");
        publish(id, 2);
        signInAs(users, securityContexts, "secretary");
        assertRefused(() -> methods.saveRevision(id, content("改", null), 2, null), Kind.CONFLICT,
                "workflow.not-in-status");
    }

    @Test
    void membersCannotDraft() {
        signInAs(users, securityContexts, "member");

        assertThatThrownBy(() -> methods.createDraft(content("不行", null), null, null, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void originBranchMustBelongToTheOriginDepartment() {
        var secretary = signInAs(users, securityContexts, "secretary");
        assertRefused(() -> methods.createDraft(content("错位", null), secretary.departmentId() + 1000,
                secretary.branchId(), null), Kind.INVALID, "method.branch-mismatch");
    }

    @Test
    void secretaryCannotFileADraftUnderAnotherDepartmentsBranch() {
        long otherBranch = signInAs(users, securityContexts, "secretary2").branchId();
        var secretary = signInAs(users, securityContexts, "secretary");
        String title = "冒名-" + UUID.randomUUID();

        assertRefused(() -> methods.createDraft(content(title, null), null, otherBranch, null), Kind.FORBIDDEN,
                "method.origin-own-branch");
        assertRefused(() -> methods.createDraft(content(title, null), null, secretary.branchId() + 1, null),
                Kind.FORBIDDEN, "method.origin-own-branch");
        assertThat(methods.browse(new MethodFilter(null, null, null, null, null, true, title), FIRST_PAGE).total())
                .isZero();

        MethodDetail own = methods.createDraft(content(title, null), secretary.departmentId(), secretary.branchId(),
                null);
        assertThat(own.originBranchId()).isEqualTo(secretary.branchId());
    }

    @Test
    void administratorMayFileADraftForAnyBranch() {
        var secretary2 = signInAs(users, securityContexts, "secretary2");
        var admin = signInAs(users, securityContexts, "admin");

        MethodDetail created = methods.createDraft(content("代为录入", null), null, secretary2.branchId(), null);

        assertThat(created.originBranchId()).isEqualTo(secretary2.branchId()).isNotEqualTo(admin.branchId());
        assertThat(created.originDepartmentId()).isEqualTo(secretary2.departmentId());
        assertThat(created.ownerId()).isEqualTo(admin.id());
    }

    static Stream<Arguments> invalidContents() {
        MethodContent ok = content("名称", null);
        return Stream.of(
                Arguments.of(new MethodContent("  ", null, Category.COHESION, "问题", null, List.of("m"), List.of(),
                        null, null, List.of(), null), "method.title-required"),
                Arguments.of(new MethodContent("名".repeat(101), null, Category.COHESION, "问题", null, List.of("m"),
                        List.of(), null, null, List.of(), null), "method.too-long"),
                Arguments.of(new MethodContent("名称", null, null, "问题", null, List.of("m"), List.of(), null, null,
                        List.of(), null), "method.category-required"),
                Arguments.of(new MethodContent("名称", null, Category.COHESION, " ", null, List.of("m"), List.of(),
                        null, null, List.of(), null), "method.problem-required"),
                Arguments.of(new MethodContent("名称", null, Category.COHESION, "问题", null, List.of(" "), List.of(""),
                        null, null, List.of(), null), "method.measure-or-step-required"),
                Arguments.of(new MethodContent("名称", "摘".repeat(501), Category.COHESION, "问题", null, List.of("m"),
                        List.of(), null, null, List.of(), null), "method.too-long"),
                Arguments.of(new MethodContent("名称", null, Category.COHESION, "问题", null,
                        Collections.nCopies(51, "m"), List.of(), null, null, List.of(), null), "method.too-many-items"),
                Arguments.of(new MethodContent("名称", null, Category.COHESION, "问题", null, List.of("m"), List.of(),
                        null, null, Collections.nCopies(21, "t").stream().map(t -> t + UUID.randomUUID()).toList(),
                        null), "method.too-many-items"),
                Arguments.of(ok, null));
    }

    @ParameterizedTest
    @MethodSource("invalidContents")
    void validatesContent(MethodContent content, String code) {
        signInAs(users, securityContexts, "secretary");
        if (code == null) {
            assertThat(methods.createDraft(content, null, null, null).latestRevision()).isEqualTo(1);
        } else {
            assertRefused(() -> methods.createDraft(content, null, null, null), Kind.INVALID, code);
        }
    }

    @Test
    void storesTrimmedContentWithoutBlankEntriesOrDuplicateTags() {
        signInAs(users, securityContexts, "secretary");
        MethodDetail created = methods.createDraft(new MethodContent(" 名称 ", " ", Category.COHESION, " 问题 ", null,
                List.of(" a ", "", "b"), List.of(), null, null, List.of("x", " x ", "y"), "  "), null, null, "  ");

        MethodContent stored = created.revision().content();
        assertThat(stored.title()).isEqualTo("名称");
        assertThat(stored.summary()).isNull();
        assertThat(stored.problem()).isEqualTo("问题");
        assertThat(stored.measures()).containsExactly("a", "b");
        assertThat(stored.tags()).containsExactly("x", "y");
        assertThat(stored.body()).isNull();
        assertThat(created.revision().changeNote()).isNull();
    }

    @Test
    void workingCopyIsKeptPerAuthorAndClearedByAnExplicitSave() {
        signInAs(users, securityContexts, "secretary");
        methods.saveWorkingCopy(null, null, "{\"title\":\"未保存\"}");
        assertThat(methods.workingCopy(null)).hasValueSatisfying(w -> assertThat(w.content()).contains("未保存"));
        long id = methods.createDraft(content("自动保存", null), null, null, null).id();
        assertThat(methods.workingCopy(null)).as("replaced by the saved draft").isEmpty();

        methods.saveWorkingCopy(id, 1, "{\"title\":\"一\"}");
        methods.saveWorkingCopy(id, 1, "{\"title\":\"二\"}");
        assertThat(methods.workingCopy(id)).hasValueSatisfying(w -> {
            assertThat(w.content()).contains("二");
            assertThat(w.baseRevision()).isEqualTo(1);
        });
        signInAs(users, securityContexts, "reviewer");
        assertThat(methods.workingCopy(id)).isEmpty();
        assertRefused(() -> methods.saveWorkingCopy(id, 1, "{}"), Kind.FORBIDDEN, "workflow.owner-only");

        signInAs(users, securityContexts, "secretary");
        methods.saveRevision(id, content("自动保存", null), 1, null);
        assertThat(methods.workingCopy(id)).isEmpty();
    }

    // ---- helpers

    /** Publishes the latest revision through the workflow: the owner submits, a reviewer approves. */
    private void publish(long id, int number) {
        proposals.submit(id, number);
        signInAs(users, securityContexts, "reviewer");
        int round = proposals.startReview(id, number).reviewRound();
        assertThat(proposals.approve(id, round).publishedRevision()).isEqualTo(number);
    }

    static MethodContent content(String title, String tag) {
        return new MethodContent(title, "摘要", Category.MASS_LINE, "基层需求与机关服务脱节", "服务基层",
                List.of("对接需求", "对接资源"), List.of("调研", "座谈", "回访"), "群众满意度提高", "各部委机关",
                tag == null ? List.of("对接") : List.of("对接", tag), "**正文**");
    }

    private static MethodContent edited(MethodContent c, String title) {
        List<String> measures = new ArrayList<>(c.measures());
        measures.add("新增措施");
        return new MethodContent(title, c.summary(), c.category(), c.problem(), c.concept(), measures, c.steps(),
                c.outcomes(), c.applicability(), c.tags(), c.body());
    }

    private static void assertRefused(ThrowingCallable call, Kind kind, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PortalException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
