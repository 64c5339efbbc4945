package org.methodportal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.methodportal.audit.AuditEntry;
import org.methodportal.audit.AuditFilter;
import org.methodportal.audit.AuditService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodField;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDetail;
import org.methodportal.notification.InboxItem;
import org.methodportal.notification.NotificationService;
import org.methodportal.proposal.ChangeRequestOutdated;
import org.methodportal.proposal.ConflictResolution;
import org.methodportal.proposal.ConflictResolution.Choice;
import org.methodportal.proposal.MergeConflict;
import org.methodportal.proposal.ProposalService;
import org.methodportal.proposal.RebaseConflictException;
import org.methodportal.proposal.RebasePlan;
import org.methodportal.shared.AfterCommitListeners;
import org.methodportal.shared.MethodEvent;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Two change requests of one published method, the first approved while the second is open: the
 * second's author is told at once, and updating it merges the newly published text with the
 * request instead of reverting it (issue: an approved change silently reverted). Demo data:
 * secretary in 财政部 (reviewed by reviewer and reviewer2), secretary2 in 农业部.
 */
@ServiceTest
class RebaseWorkflowTest {

    private static final PageRequest FIRST_PAGE = new PageRequest(0, 100, "createdAt", false);
    private static final String OLD_OUTCOMES = "群众满意度提高";
    private static final String OLD_APPLICABILITY = "各部委机关";

    @Autowired
    MethodService methods;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    ProposalService proposals;
    @Autowired
    ReviewService reviews;
    @Autowired
    NotificationService notifications;
    @Autowired
    AuditService audit;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void aRebasedChangeRequestKeepsTheChangeApprovedMeanwhile() {
        long id = methodAtVersionTwo("两个修改");
        signInAs(users, securityContexts, "secretary");
        MethodContent v2 = methods.get(id).revision().content();
        long outcomesChange = proposals.proposeChange(id, with(v2, "工作成效：满意度提升到九成", OLD_APPLICABILITY),
                "更新成效").id();
        proposals.submit(outcomesChange, 1);
        signInAs(users, securityContexts, "secretary2");
        long scopeChange = proposals.proposeChange(id, with(v2, OLD_OUTCOMES, "适用范围：中央和国家机关各部门"),
                "扩大范围").id();
        proposals.submit(scopeChange, 1);

        signInAs(users, securityContexts, "reviewer");
        assertThat(reviews.review(outcomesChange, approve(1)).status()).isEqualTo(MethodStatus.MERGED);
        assertThat(reviews.queue(FIRST_PAGE).content()).filteredOn(e -> e.methodId() == scopeChange).singleElement()
                .satisfies(e -> assertThat(e.baseOutdated()).as("the queue says it must be updated first").isTrue());

        assertThatThrownBy(() -> reviews.review(scopeChange, new ReviewRequest(1, Decision.REQUEST_CHANGES,
                new Scores(3, 3, 3, 3, 3, 3), "请补充"))).as("no review of a text that must be updated first")
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.code()).isEqualTo("proposal.rebase-required"));

        signInAs(users, securityContexts, "secretary2");
        MethodDetail stale = methods.get(scopeChange);
        assertThat(stale.baseOutdated()).isTrue();
        assertThat(stale.basePublishedRevision()).isEqualTo(2);
        assertThat(stale.targetPublishedRevision()).isEqualTo(3);
        assertThat(inbox()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("proposal.base-outdated");
            assertThat(n.methodId()).isEqualTo(scopeChange);
        });
        assertThat(methods.myProposals(List.of(), FIRST_PAGE).content()).filteredOn(s -> s.id() == scopeChange)
                .singleElement().satisfies(s -> assertThat(s.baseOutdated()).as("我的提案 says so too").isTrue());
        proposals.withdraw(scopeChange);
        RebasePlan plan = proposals.rebasePlan(scopeChange);
        assertThat(plan.clean()).isTrue();
        assertThat(plan.baseRevision()).isEqualTo(2);
        assertThat(plan.currentRevision()).isEqualTo(3);
        assertThat(plan.publishedChanges()).containsExactly(MethodField.OUTCOMES);
        MethodDetail rebased = proposals.rebase(scopeChange);
        assertThat(rebased.latestRevision()).isEqualTo(2);
        assertThat(rebased.basePublishedRevision()).isEqualTo(3);
        assertThat(rebased.baseOutdated()).isFalse();
        assertThat(rebased.revision().changeNote()).isEqualTo("已基于第 3 版更新");
        assertThat(rebased.revision().content().outcomes()).isEqualTo("工作成效：满意度提升到九成");
        proposals.submit(scopeChange, 2);

        signInAs(users, securityContexts, "reviewer");
        assertThat(reviews.review(scopeChange, approve(2)).status()).isEqualTo(MethodStatus.MERGED);
        signInAs(users, securityContexts, "member");
        MethodDetail published = methods.get(id);
        assertThat(published.publishedRevision()).isEqualTo(4);
        assertThat(published.revision().content().outcomes()).isEqualTo("工作成效：满意度提升到九成");
        assertThat(published.revision().content().applicability()).isEqualTo("适用范围：中央和国家机关各部门");
        signInAs(users, securityContexts, "admin");
        assertThat(audit.find(new AuditFilter(null, null, String.valueOf(scopeChange), null, null), FIRST_PAGE))
                .extracting(AuditEntry::action).contains("proposal.rebased");
    }

    @Test
    void aRequestInReviewIsUpdatedAndGoesBackToItsAuthor() {
        long id = methodAtVersionTwo("审核中更新");
        signInAs(users, securityContexts, "secretary");
        MethodContent v2 = methods.get(id).revision().content();
        long first = proposals.proposeChange(id, with(v2, "甲的成效", OLD_APPLICABILITY), null).id();
        proposals.submit(first, 1);
        signInAs(users, securityContexts, "secretary2");
        long second = proposals.proposeChange(id, with(v2, OLD_OUTCOMES, "乙的范围"), null).id();
        proposals.submit(second, 1);
        signInAs(users, securityContexts, "reviewer");
        reviews.review(first, approve(1));

        signInAs(users, securityContexts, "secretary2");
        MethodDetail rebased = proposals.rebase(second);

        assertThat(rebased.status()).isEqualTo(MethodStatus.DRAFT);
        assertThat(rebased.revision().content().outcomes()).isEqualTo("甲的成效");
        assertThat(rebased.revision().content().applicability()).isEqualTo("乙的范围");
    }

    @ParameterizedTest
    @EnumSource(value = Choice.class)
    void aConflictIsResolvedAsTheAuthorChooses(Choice choice) {
        long id = methodAtVersionTwo("冲突" + choice);
        signInAs(users, securityContexts, "secretary");
        MethodContent v2 = methods.get(id).revision().content();
        long first = proposals.proposeChange(id, with(v2, "甲写的成效", OLD_APPLICABILITY), null).id();
        proposals.submit(first, 1);
        signInAs(users, securityContexts, "secretary2");
        long second = proposals.proposeChange(id, with(v2, "乙写的成效", "乙的范围"), null).id();
        proposals.submit(second, 1);
        signInAs(users, securityContexts, "reviewer");
        reviews.review(first, approve(1));

        signInAs(users, securityContexts, "secretary2");
        proposals.withdraw(second);
        assertThatThrownBy(() -> proposals.rebase(second)).isInstanceOfSatisfying(RebaseConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("proposal.rebase-conflicts");
            assertThat(e.plan().conflicts()).singleElement().satisfies(c -> {
                assertThat(c.field()).isEqualTo(MethodField.OUTCOMES);
                assertThat(c.base()).containsExactly(OLD_OUTCOMES);
                assertThat(c.theirs()).containsExactly("甲写的成效");
                assertThat(c.mine()).containsExactly("乙写的成效");
            });
        });
        assertThat(methods.get(second).latestRevision()).as("nothing written").isEqualTo(1);
        RebasePlan plan = proposals.rebasePlan(second);
        MergeConflict conflict = plan.conflicts().getFirst();
        assertThatThrownBy(() -> proposals.rebase(second, 1, 2, List.of(ConflictResolution.of(0, choice))))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.code()).isEqualTo("proposal.rebase-stale"));
        assertThatThrownBy(() -> proposals.rebase(second, 1, 3, List.of()))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.code()).isEqualTo("proposal.rebase-unresolved"));

        ConflictResolution resolution = choice == Choice.EDITED
                ? new ConflictResolution(0, choice, List.of("甲乙合写的成效"))
                : ConflictResolution.of(0, choice);
        MethodDetail rebased = proposals.rebase(second, plan.requestRevision(), plan.currentRevision(),
                List.of(resolution));

        String expected = switch (choice) {
            case BASE -> conflict.base().getFirst();
            case THEIRS -> "甲写的成效";
            case MINE -> "乙写的成效";
            case EDITED -> "甲乙合写的成效";
        };
        assertThat(rebased.revision().content().outcomes()).isEqualTo(expected);
        assertThat(rebased.revision().content().applicability()).as("merged without asking").isEqualTo("乙的范围");
        assertThat(rebased.basePublishedRevision()).isEqualTo(3);
        proposals.submit(second, 2);
        signInAs(users, securityContexts, "reviewer");
        reviews.review(second, approve(2));
        signInAs(users, securityContexts, "member");
        assertThat(methods.get(id).revision().content().outcomes()).isEqualTo(expected);
    }

    @Test
    void onlyTheAuthorUpdatesAndAnUpToDateRequestIsLeftAlone() {
        long id = methodAtVersionTwo("作者更新");
        signInAs(users, securityContexts, "secretary");
        long request = proposals.proposeChange(id, with(methods.get(id).revision().content(), "新成效",
                OLD_APPLICABILITY), null).id();
        assertThat(proposals.rebase(request).latestRevision()).as("nothing to merge").isEqualTo(1);
        signInAs(users, securityContexts, "secretary2");
        assertThatThrownBy(() -> proposals.rebase(request)).isInstanceOf(PortalException.class);
    }

    // ---- helpers

    /** A method published as version 1 and changed once by an approved change request (version 2). */
    private long methodAtVersionTwo(String title) {
        signInAs(users, securityContexts, "secretary");
        long id = methods.createDraft(new MethodContent(title + " " + UUID.randomUUID().toString().substring(0, 6),
                "摘要", Category.MASS_LINE, "基层需求与机关服务脱节", "服务基层", List.of("对接需求", "对接资源"),
                List.of("调研", "座谈"), OLD_OUTCOMES, OLD_APPLICABILITY, List.of("对接"), null), null, null, null).id();
        proposals.submit(id, 1);
        signInAs(users, securityContexts, "reviewer");
        reviews.review(id, approve(1));
        signInAs(users, securityContexts, "secretary");
        MethodContent v1 = methods.get(id).revision().content();
        long change = proposals.proposeChange(id, new MethodContent(v1.title(), "修订后的摘要", v1.category(),
                v1.problem(), v1.concept(), v1.measures(), v1.steps(), v1.outcomes(), v1.applicability(), v1.tags(),
                v1.body()), null).id();
        proposals.submit(change, 1);
        signInAs(users, securityContexts, "reviewer");
        reviews.review(change, approve(1));
        return id;
    }

    private static MethodContent with(MethodContent c, String outcomes, String applicability) {
        return new MethodContent(c.title(), c.summary(), c.category(), c.problem(), c.concept(), c.measures(),
                c.steps(), outcomes, applicability, c.tags(), c.body());
    }

    /** The caller's inbox once the after-commit listeners have run. */
    private List<InboxItem> inbox() {
        AfterCommitListeners.awaitCompleted(registry,
                event -> event instanceof MethodEvent || event instanceof ChangeRequestOutdated);
        return notifications.inbox(false, FIRST_PAGE).content();
    }

    private static ReviewRequest approve(int revision) {
        return new ReviewRequest(revision, Decision.APPROVE, new Scores(4, 5, 4, 3, 4, 4), "同意");
    }
}
