package org.methodportal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.audit.AuditEntry;
import org.methodportal.audit.AuditFilter;
import org.methodportal.audit.AuditService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodField;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.RevisionSummary;
import org.methodportal.notification.InboxItem;
import org.methodportal.notification.NotificationService;
import org.methodportal.proposal.ConflictResolution;
import org.methodportal.proposal.MergeConflict;
import org.methodportal.proposal.ProposalService;
import org.methodportal.proposal.RebasePlan;
import org.methodportal.proposal.WorkflowEvent;
import org.methodportal.shared.AfterCommitListeners;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalException.Kind;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The review workflow across modules: quorum, self-approval, department scope, stale
 * reviews, change requests and their concurrent approval, notifications and audit events. Demo
 * data: secretary drafts in 财政部, which reviewer and reviewer2 both review; secretary2 in 农业部,
 * which only reviewer reviews.
 */
@ServiceTest
@RecordApplicationEvents
class ReviewWorkflowTest {

    private static final PageRequest FIRST_PAGE = new PageRequest(0, 100, "createdAt", false);

    @Autowired
    MethodService methods;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    ProposalService proposals;
    @Autowired
    ReviewService reviews;
    @Autowired
    ReviewQuorumService quorum;
    @Autowired
    NotificationService notifications;
    @Autowired
    AuditService audit;
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
    void oneApprovalPublishesAndTellsReviewersAndAuthor() {
        long id = submittedDraft("secretary", "一次通过");
        signInAs(users, securityContexts, "reviewer2");
        assertThat(inbox()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("proposal.submitted");
            assertThat(n.methodId()).isEqualTo(id);
        });
        signInAs(users, securityContexts, "reviewer");
        assertThat(reviews.queue(FIRST_PAGE).content()).extracting(QueueEntry::methodId).contains(id);

        ReviewOutcome outcome = reviews.review(id, approve(1));

        assertThat(outcome.status()).isEqualTo(MethodStatus.PUBLISHED);
        assertThat(outcome.approvals()).isEqualTo(1);
        assertThat(reviews.queue(FIRST_PAGE).content()).extracting(QueueEntry::methodId).doesNotContain(id);
        signInAs(users, securityContexts, "member");
        assertThat(methods.get(id).publishedRevision()).isEqualTo(1);
        assertThat(reviews.record(id)).singleElement().satisfies(r -> {
            assertThat(r.decision()).isEqualTo(Decision.APPROVE);
            assertThat(r.scores().operability()).isEqualTo(4);
        });
        assertThat(reviews.publishedAverages(id)).containsEntry(Quality.OPERABILITY, 4.0);
        signInAs(users, securityContexts, "secretary");
        assertThat(inbox()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("method.published");
            assertThat(n.methodId()).isEqualTo(id);
            assertThat(n.unread()).isTrue();
        });
        assertThat(events.stream(WorkflowEvent.class).filter(e -> e.methodId() == id)
                .map(WorkflowEvent::action)).containsExactly("proposal.submitted",
                "method.published");
        assertThat(events.stream(ReviewRecorded.class).filter(e -> e.methodId() == id)).hasSize(1);
        signInAs(users, securityContexts, "admin");
        assertThat(audit.find(new AuditFilter(null, null, String.valueOf(id), null, null), FIRST_PAGE))
                .extracting(AuditEntry::action, AuditEntry::actor)
                .contains(tuple("proposal.submitted", "secretary"), tuple("review.recorded", "reviewer"),
                        tuple("method.published", "reviewer"));
    }

    @Test
    void withTwoRequiredTheFirstApprovalWaitsAndRequestChangesStartsTheCountAgain() {
        long finance = departmentOf("secretary");
        signInAs(users, securityContexts, "admin");
        quorum.setForDepartment(finance, 2);
        try {
            long id = submittedDraft("secretary", "两人审核");
            signInAs(users, securityContexts, "reviewer");
            ReviewOutcome first = reviews.review(id, approve(1));
            assertThat(first.status()).isEqualTo(MethodStatus.IN_REVIEW);
            assertThat(first.approvals()).isEqualTo(1);
            assertThat(first.required()).isEqualTo(2);
            assertRefused(() -> reviews.review(id, approve(1)), Kind.CONFLICT, "review.already-reviewed");

            signInAs(users, securityContexts, "reviewer2");
            assertThat(reviews.review(id, decision(1, Decision.REQUEST_CHANGES, "请补充操作步骤")).status())
                    .isEqualTo(MethodStatus.CHANGES_REQUESTED);

            signInAs(users, securityContexts, "secretary");
            assertThat(inbox()).extracting(InboxItem::kind).contains("review.approved-partly",
                    "proposal.changes-requested");
            methods.saveRevision(id, content("两人审核（修改）"), 1, "补充步骤");
            assertThat(proposals.submit(id, 2).reviewRound()).isEqualTo(2);

            signInAs(users, securityContexts, "reviewer");
            ReviewOutcome again = reviews.review(id, approve(2));
            assertThat(again.approvals()).as("a new round counts from zero").isEqualTo(1);
            assertThat(again.status()).isEqualTo(MethodStatus.IN_REVIEW);
            signInAs(users, securityContexts, "reviewer2");
            assertThat(reviews.review(id, approve(2)).status()).isEqualTo(MethodStatus.PUBLISHED);
            assertThat(methods.get(id).publishedRevision()).isEqualTo(2);
            assertThat(reviews.record(id)).hasSize(4);
        } finally {
            signInAs(users, securityContexts, "admin");
            quorum.setForDepartment(finance, null);
        }
    }

    @Test
    void authorsNeverReviewTheirOwnProposal() {
        // Only administrators may file a proposal for a branch of a department they review (their own
        // branch is elsewhere); reviewers file under their own branch, which they do not review.
        long financeBranch = branchOf("secretary");
        signInAs(users, securityContexts, "admin");
        long id = methods.createDraft(content("管理员自己的"), null, financeBranch, null).id();
        proposals.submit(id, 1);

        assertRefused(() -> reviews.review(id, approve(1)), Kind.FORBIDDEN, "review.self-review");
        assertThat(reviews.queue(FIRST_PAGE).content()).extracting(QueueEntry::methodId).doesNotContain(id);
        signInAs(users, securityContexts, "reviewer2");
        assertThat(reviews.review(id, approve(1)).status()).isEqualTo(MethodStatus.PUBLISHED);
    }

    @Test
    void reviewersActOnlyInTheirDepartments() {
        long id = submittedDraft("secretary2", "农业部提案");

        signInAs(users, securityContexts, "reviewer2");
        assertRefused(() -> reviews.review(id, approve(1)), Kind.NOT_FOUND, "method.not-found");
        assertThat(reviews.queue(FIRST_PAGE).content()).extracting(QueueEntry::methodId).doesNotContain(id);
        signInAs(users, securityContexts, "member");
        assertThatThrownBy(() -> reviews.review(id, approve(1))).isInstanceOf(AccessDeniedException.class);
        signInAs(users, securityContexts, "secretary");
        assertThatThrownBy(() -> proposals.archive(id)).isInstanceOf(AccessDeniedException.class);

        signInAs(users, securityContexts, "reviewer");
        assertThat(reviews.review(id, decision(1, Decision.REJECT, "与已有条目重复")).status())
                .isEqualTo(MethodStatus.REJECTED);
        signInAs(users, securityContexts, "secretary2");
        assertRefused(() -> proposals.submit(id, 1), Kind.CONFLICT, "workflow.not-in-status");
    }

    @Test
    void aReviewOfAnOutdatedOrDecidedProposalIsRefusedAndChangesNothing() {
        long id = submittedDraft("secretary", "过时的审核");
        signInAs(users, securityContexts, "reviewer");
        assertRefused(() -> reviews.review(id, approve(2)), Kind.STALE, "review.stale");

        signInAs(users, securityContexts, "secretary");
        proposals.withdraw(id);
        methods.saveRevision(id, content("过时的审核（新）"), 1, null);
        proposals.submit(id, 2);
        signInAs(users, securityContexts, "reviewer");
        assertRefused(() -> reviews.review(id, approve(1)), Kind.STALE, "review.stale");
        assertThat(reviews.record(id)).isEmpty();
        assertThat(methods.get(id).status()).isEqualTo(MethodStatus.IN_REVIEW);

        reviews.review(id, approve(2));
        signInAs(users, securityContexts, "reviewer2");
        assertRefused(() -> reviews.review(id, approve(2)), Kind.CONFLICT, "workflow.not-in-status");
    }

    @Test
    void requestChangesAndRejectNeedACommentAndEveryScore() {
        long id = submittedDraft("secretary", "要说明理由");
        signInAs(users, securityContexts, "reviewer");

        assertRefused(() -> reviews.review(id, decision(1, Decision.REQUEST_CHANGES, " ")), Kind.INVALID,
                "review.comment-required");
        assertRefused(() -> reviews.review(id, new ReviewRequest(1, Decision.APPROVE,
                new Scores(5, 5, 0, 5, 5, 5), null)), Kind.INVALID, "review.score-range");
        assertThat(reviews.record(id)).isEmpty();
    }

    @Test
    void changeRequestKeepsThePublishedPageUntilApproved() {
        long id = publishedMethod("改进前");
        signInAs(users, securityContexts, "secretary2");
        MethodDetail request = proposals.proposeChange(id, content("改进后"), "补充做法");
        assertThat(request.isChangeRequest()).isTrue();
        assertThat(request.basePublishedRevision()).isEqualTo(1);
        proposals.submit(request.id(), 1);

        signInAs(users, securityContexts, "member");
        assertThat(methods.get(id).revision().content().title()).startsWith("改进前");
        assertRefused(() -> methods.get(request.id()), Kind.NOT_FOUND, "method.not-found");
        assertThat(proposals.changeRequests(id, false)).isEmpty();

        signInAs(users, securityContexts, "reviewer");
        assertThat(proposals.changeRequests(id, false)).extracting(MethodSummary::id).containsExactly(request.id());
        assertThat(reviews.review(request.id(), approve(1)).status()).isEqualTo(MethodStatus.MERGED);

        signInAs(users, securityContexts, "member");
        MethodDetail after = methods.get(id);
        assertThat(after.revision().content().title()).startsWith("改进后");
        assertThat(after.publishedRevision()).isEqualTo(2);
        assertThat(after.revision().authorName()).isEqualTo("陈书记");
        assertThat(methods.revisions(id)).extracting(RevisionSummary::number).containsExactly(2, 1);
        assertThat(reviews.record(id)).as("the approval of the merged change request is part of the record")
                .extracting(ReviewEntry::methodId).containsExactly(request.id(), id);
        assertThat(reviews.publishedAverages(id)).containsEntry(Quality.CREATIVITY, 4.0);
        signInAs(users, securityContexts, "reviewer");
        assertThat(reviews.record(id)).extracting(ReviewEntry::methodId).containsExactly(request.id(), id);
    }

    @Test
    void concurrentApprovalsOfTwoChangeRequestsPublishExactlyOneAndTheOtherMustRebase() throws Exception {
        long id = publishedMethod("并发修改");
        signInAs(users, securityContexts, "secretary");
        long first = proposals.proposeChange(id, content("并发修改（甲）"), null).id();
        proposals.submit(first, 1);
        signInAs(users, securityContexts, "secretary2");
        long second = proposals.proposeChange(id, content("并发修改（乙）"), null).id();
        proposals.submit(second, 1);

        var barrier = new CyclicBarrier(2);
        Callable<ReviewOutcome> approveFirst = () -> {
            signInAs(users, securityContexts, "reviewer");
            barrier.await();
            return reviews.review(first, approve(1));
        };
        Callable<ReviewOutcome> approveSecond = () -> {
            signInAs(users, securityContexts, "reviewer2");
            barrier.await();
            return reviews.review(second, approve(1));
        };
        List<Object> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Future<ReviewOutcome> future : List.of(pool.submit(approveFirst), pool.submit(approveSecond))) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        }

        assertThat(outcomes).filteredOn(ReviewOutcome.class::isInstance).singleElement()
                .satisfies(o -> assertThat(((ReviewOutcome) o).status()).isEqualTo(MethodStatus.MERGED));
        assertThat(outcomes).filteredOn(PortalException.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((PortalException) e).code()).isEqualTo("proposal.rebase-required"));
        long loser = outcomes.getFirst() instanceof ReviewOutcome ? second : first;
        signInAs(users, securityContexts, "admin");
        assertThat(methods.get(id).publishedRevision()).isEqualTo(2);
        assertThat(methods.get(loser).status()).as("nothing applied").isEqualTo(MethodStatus.IN_REVIEW);
        assertThat(reviews.record(loser)).isEmpty();

        signInAs(users, securityContexts, loser == first ? "secretary" : "secretary2");
        proposals.withdraw(loser);
        assertRefused(() -> proposals.submit(loser, 1), Kind.CONFLICT, "proposal.rebase-required");
        // Both retitled the method: the update asks the author which title to keep.
        assertRefused(() -> proposals.rebase(loser), Kind.CONFLICT, "proposal.rebase-conflicts");
        RebasePlan plan = proposals.rebasePlan(loser);
        assertThat(plan.conflicts()).extracting(MergeConflict::field).containsExactly(MethodField.TITLE);
        assertThat(proposals.rebase(loser, plan.requestRevision(), plan.currentRevision(),
                List.of(ConflictResolution.of(0, ConflictResolution.Choice.MINE))).basePublishedRevision())
                .isEqualTo(2);
        proposals.submit(loser, 2);
        signInAs(users, securityContexts, loser == first ? "reviewer" : "reviewer2");
        assertThat(reviews.review(loser, approve(2)).status()).isEqualTo(MethodStatus.MERGED);
        signInAs(users, securityContexts, "member");
        assertThat(methods.get(id).publishedRevision()).isEqualTo(3);
    }

    @Test
    void archiveAndRestoreKeepTheEntryReadable() {
        long id = publishedMethod("归档条目");
        signInAs(users, securityContexts, "reviewer2");
        assertThat(proposals.archive(id).status()).isEqualTo(MethodStatus.ARCHIVED);
        assertRefused(() -> proposals.archive(id), Kind.CONFLICT, "workflow.not-in-status");
        signInAs(users, securityContexts, "member");
        assertThat(methods.get(id).status()).isEqualTo(MethodStatus.ARCHIVED);
        signInAs(users, securityContexts, "secretary2");
        assertRefused(() -> proposals.proposeChange(id, content("不行"), null), Kind.CONFLICT,
                "workflow.not-in-status");
        signInAs(users, securityContexts, "admin");
        assertThat(proposals.restore(id).status()).isEqualTo(MethodStatus.PUBLISHED);
        signInAs(users, securityContexts, "secretary");
        assertThat(inbox()).extracting(InboxItem::kind).contains("method.archived",
                "method.restored");
    }

    @Test
    void membersCannotProposeChangesButTheOwnerCan() {
        long id = publishedMethod("只许书记");
        signInAs(users, securityContexts, "member");
        assertRefused(() -> proposals.proposeChange(id, content("成员"), null), Kind.FORBIDDEN,
                "workflow.secretary-only");
        signInAs(users, securityContexts, "secretary");
        assertThat(proposals.proposeChange(id, content("书记"), null).changeOfMethodId()).isEqualTo(id);
    }

    @Test
    void notificationsAreMarkedReadOnlyByTheirRecipient() {
        long id = submittedDraft("secretary", "通知已读");
        signInAs(users, securityContexts, "reviewer");
        InboxItem mine = inbox().stream().filter(n -> id == n.methodId()).findFirst().orElseThrow();
        long unread = notifications.unreadCount();

        signInAs(users, securityContexts, "reviewer2");
        assertThat(notifications.markRead(mine.id())).isFalse();
        signInAs(users, securityContexts, "reviewer");
        assertThat(notifications.unreadCount()).isEqualTo(unread);
        assertThat(notifications.markRead(mine.id())).isTrue();
        assertThat(notifications.unreadCount()).isEqualTo(unread - 1);
        notifications.markAllRead();
        assertThat(notifications.unreadCount()).isZero();
    }

    // ---- helpers

    private long submittedDraft(String author, String title) {
        signInAs(users, securityContexts, author);
        long id = methods.createDraft(content(title), null, null, null).id();
        proposals.submit(id, 1);
        return id;
    }

    private long publishedMethod(String title) {
        long id = submittedDraft("secretary", title);
        signInAs(users, securityContexts, "reviewer");
        assertThat(reviews.review(id, approve(1)).status()).isEqualTo(MethodStatus.PUBLISHED);
        return id;
    }

    /** The caller's inbox once the after-commit listeners have run. */
    private List<InboxItem> inbox() {
        AfterCommitListeners.awaitMethodEvents(registry);
        return notifications.inbox(false, FIRST_PAGE).content();
    }

    private long departmentOf(String login) {
        return signInAs(users, securityContexts, login).departmentId();
    }

    private long branchOf(String login) {
        return signInAs(users, securityContexts, login).branchId();
    }

    private static ReviewRequest approve(int revision) {
        return new ReviewRequest(revision, Decision.APPROVE, new Scores(4, 5, 4, 3, 4, 4), "同意");
    }

    private static ReviewRequest decision(int revision, Decision decision, String comment) {
        return new ReviewRequest(revision, decision, new Scores(3, 3, 2, 3, 3, 3), comment);
    }

    private static MethodContent content(String title) {
        return new MethodContent(title + " " + UUID.randomUUID().toString().substring(0, 6), "摘要",
                Category.MASS_LINE, "基层需求与机关服务脱节", "服务基层", List.of("对接需求", "对接资源"),
                List.of("调研", "座谈"), "群众满意度提高", "各部委机关", List.of("对接"), null);
    }

    private static void assertRefused(ThrowingCallable call, Kind kind, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PortalException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
