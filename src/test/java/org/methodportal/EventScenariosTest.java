package org.methodportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.methodportal.shared.TestUsers.signInAs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.AccountEvent.AccountCreated;
import org.methodportal.account.AccountForm;
import org.methodportal.account.AccountService;
import org.methodportal.comment.CommentDraft;
import org.methodportal.comment.CommentPosted;
import org.methodportal.comment.CommentService;
import org.methodportal.comment.VisibleComment;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.glossary.TermCreated;
import org.methodportal.glossary.TermForm;
import org.methodportal.merge.MergeEvent.SourceMerged;
import org.methodportal.merge.MergeService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.proposal.ProposalService;
import org.methodportal.proposal.WorkflowEvent.MethodPublished;
import org.methodportal.proposal.WorkflowEvent.ProposalSubmitted;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.shared.ServiceTest;
import org.methodportal.shared.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events the services publish, with their ids, and the event publication registry behind the
 * after-commit listeners: a comment's notification listener leaves a publication that completes,
 * and a listener that failed runs again when its publication is resubmitted (as at a restart).
 */
@ServiceTest
@EnableScenarios
@Import(EventScenariosTest.FailingOnce.class)
class EventScenariosTest {

    @Autowired
    CommentService comments;
    @Autowired
    MethodService methods;
    @Autowired
    ProposalService proposals;
    @Autowired
    ReviewService reviews;
    @Autowired
    MergeService merges;
    @Autowired
    GlossaryService glossary;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    FailingOnce failingOnce;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void postingACommentPublishesCommentPostedWithItsIds(Scenario scenario) {
        long published = publishedIdByTitle("“一事一议”民主议事工作法");
        PortalUser member = signInAs(users, securityContexts, "member");

        scenario.stimulate(() -> comments.post(published, CommentDraft.page("事件里有评论的编号吗？")))
                .andWaitForEventOfType(CommentPosted.class)
                .toArriveAndVerify((event, view) -> {
                    assertThat(event.commentId()).isEqualTo(view.id());
                    assertThat(event.methodId()).isEqualTo(published);
                    assertThat(event.targetMethodId()).isEqualTo(published);
                    assertThat(event.authorId()).isEqualTo(member.id());
                    assertThat(event.methodTitle()).isEqualTo("“一事一议”民主议事工作法");
                    assertThat(event.parentAuthorId()).isNull();
                    assertThat(event.action()).isEqualTo("comment.posted");
                    assertThat(event.objectId()).isEqualTo(String.valueOf(view.id()));
                    assertThat(event.detail()).isEqualTo("method " + published);
                });
    }

    @Test
    void creatingAGlossaryTermPublishesTermCreated(Scenario scenario) {
        signInAs(users, securityContexts, "admin");
        String word = "事件" + UUID.randomUUID().toString().substring(0, 8);

        scenario.stimulate(() -> glossary.create(new TermForm(word + "标准", List.of(word + "土话"), "定义", null,
                        List.of())))
                .andWaitForEventOfType(TermCreated.class)
                .toArriveAndVerify((event, term) -> {
                    assertThat(event.termId()).isEqualTo(term.id());
                    assertThat(event.standard()).isEqualTo(word + "标准");
                    assertThat(event.action()).isEqualTo("glossary.created");
                    assertThat(event.objectType()).isEqualTo("glossary-term");
                });
    }

    @Test
    void creatingAnAccountPublishesAccountCreated(Scenario scenario) {
        PortalUser secretary = signInAs(users, securityContexts, "secretary");
        signInAs(users, securityContexts, "admin");
        String login = TestUsers.uniqueLogin();

        scenario.stimulate(() -> accounts.create(new AccountForm(login, "事件账号", secretary.branchId(),
                        Set.of(Role.MEMBER), Set.of()), "portal-demo-1234"))
                .andWaitForEventOfType(AccountCreated.class)
                .matching(event -> event.login().equals(login))
                .toArriveAndVerify((event, account) -> {
                    assertThat(event.accountId()).isEqualTo(account.id());
                    assertThat(event.action()).isEqualTo("account.created");
                    assertThat(event.objectId()).isEqualTo(login);
                });
    }

    @Test
    void submittingAProposalPublishesProposalSubmittedWithItsIds(Scenario scenario) {
        PortalUser secretary = signInAs(users, securityContexts, "secretary");
        String title = unique("提交事件");
        long id = methods.createDraft(content(title), null, null, null).id();

        scenario.stimulate(() -> proposals.submit(id, 1))
                .andWaitForEventOfType(ProposalSubmitted.class)
                .matching(event -> event.methodId() == id)
                .toArriveAndVerify((event, view) -> {
                    assertThat(event.targetMethodId()).isEqualTo(id);
                    assertThat(event.title()).isEqualTo(title);
                    assertThat(event.ownerId()).isEqualTo(secretary.id());
                    assertThat(event.originDepartmentId()).isEqualTo(secretary.departmentId());
                    assertThat(event.actorId()).isEqualTo(secretary.id());
                    assertThat(event.revisionNumber()).isEqualTo(1);
                    assertThat(event.reviewRound()).isEqualTo(view.reviewRound()).isEqualTo(1);
                    assertThat(event.action()).isEqualTo("proposal.submitted");
                    assertThat(event.objectType()).isEqualTo("method");
                    assertThat(event.objectId()).isEqualTo(String.valueOf(id));
                    assertThat(event.detail()).isEqualTo("r1 round 1 " + title);
                });
    }

    @Test
    void approvingAProposalPublishesMethodPublished(Scenario scenario) {
        PortalUser secretary = signInAs(users, securityContexts, "secretary");
        String title = unique("发布事件");
        long id = methods.createDraft(content(title), null, null, null).id();
        proposals.submit(id, 1);
        PortalUser reviewer = signInAs(users, securityContexts, "reviewer");

        scenario.stimulate(() -> reviews.review(id, approve(1)))
                .andWaitForEventOfType(MethodPublished.class)
                .matching(event -> event.methodId() == id)
                .toArriveAndVerify(event -> {
                    assertThat(event.targetMethodId()).isEqualTo(id);
                    assertThat(event.ownerId()).isEqualTo(secretary.id());
                    assertThat(event.actorId()).isEqualTo(reviewer.id());
                    assertThat(event.revisionNumber()).isEqualTo(1);
                    assertThat(event.action()).isEqualTo("method.published");
                    assertThat(event.detail()).isEqualTo("r1 round 1 " + title);
                });
    }

    @Test
    void anApprovedMergePublishesSourceMergedForEachSource(Scenario scenario) {
        PortalUser secretary = signInAs(users, securityContexts, "secretary");
        String title = unique("合并事件");
        long raw = methods.createDraft(content(title), null, null, null).id();
        long other = methods.createDraft(content(unique("合并事件")), null, null, null).id();
        signInAs(users, securityContexts, "reviewer");
        long merge = merges.start(List.of(raw, other), null).id();
        merges.compose(merge, content(unique("标准条目")), 1, null);
        merges.submit(merge, 2);
        PortalUser reviewer2 = signInAs(users, securityContexts, "reviewer2");

        scenario.stimulate(() -> reviews.review(merge, approve(2)))
                .andWaitForEventOfType(SourceMerged.class)
                .matching(event -> event.methodId() == raw)
                .toArriveAndVerify(event -> {
                    assertThat(event.mergeId()).isEqualTo(merge);
                    assertThat(event.standardMethodId()).as("a new standard entry: the merge proposal")
                            .isEqualTo(merge);
                    assertThat(event.title()).isEqualTo(title);
                    assertThat(event.status()).isEqualTo(MethodStatus.MERGED_INTO);
                    assertThat(event.ownerId()).isEqualTo(secretary.id());
                    assertThat(event.actorId()).isEqualTo(reviewer2.id());
                    assertThat(event.reason()).isNull();
                    assertThat(event.action()).isEqualTo("method.merged-into");
                    assertThat(event.detail()).isEqualTo("merge #" + merge + " → #" + merge + " MERGED_INTO " + title);
                });
    }

    @Test
    void theNotificationListenersPublicationIsRecordedAndCompleted() {
        long published = publishedIdByTitle("“一事一议”民主议事工作法");
        signInAs(users, securityContexts, "member");
        VisibleComment comment = comments.post(published, CommentDraft.page("登记簿里有这条吗？"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map<String, Object>> rows = jdbc.queryForList("""
                    SELECT listener_id, event_type, status, completion_date FROM event_publication
                    WHERE event_type = ? AND serialized_event LIKE ?""",
                    CommentPosted.class.getName(), "%\"commentId\":" + comment.id() + ",%");
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat((String) row.get("listener_id")).contains("DiscussionNotifier");
                assertThat(row.get("completion_date")).isNotNull();
                assertThat(row.get("status")).isEqualTo("COMPLETED");
            });
        });
    }

    @Test
    void aFailedAfterCommitListenerRunsAgainWhenItsPublicationIsResubmitted() {
        var probe = new Probe(UUID.randomUUID().toString());
        transactions.executeWithoutResult(tx -> events.publishEvent(probe));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(publication(probe))
                .as("kept, incomplete, after the listener failed").containsEntry("status", "FAILED")
                .containsEntry("completion_date", null));
        assertThat(failingOnce.handled(probe)).isFalse();

        incomplete.resubmitIncompletePublications(publication -> probe.equals(publication.getEvent()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(failingOnce.handled(probe)).isTrue();
            assertThat(publication(probe)).containsEntry("status", "COMPLETED");
        });
    }

    private Map<String, Object> publication(Probe probe) {
        return jdbc.queryForMap("SELECT status, completion_date FROM event_publication WHERE serialized_event LIKE ?",
                "%" + probe.id() + "%");
    }

    record Probe(String id) {
    }

    /** An after-commit listener that fails the first time it hears of a probe, as a crashed one would. */
    static class FailingOnce {

        private final Set<String> failed = ConcurrentHashMap.newKeySet();
        private final Set<String> handled = ConcurrentHashMap.newKeySet();

        // A method, not the field: the bean is a proxy (the listener is asynchronous and transactional).
        boolean handled(Probe probe) {
            return handled.contains(probe.id());
        }

        @ApplicationModuleListener
        void on(Probe probe) {
            if (failed.add(probe.id())) {
                throw new IllegalStateException("simulated failure of an after-commit listener");
            }
            handled.add(probe.id());
        }
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    private static MethodContent content(String title) {
        return new MethodContent(title, "摘要", Category.MASS_LINE, "基层需求与机关服务脱节", "服务基层",
                List.of("对接需求", "对接资源"), List.of("调研", "座谈"), "群众满意度提高", "各部委机关", List.of("对接"), null);
    }

    private static ReviewRequest approve(int revision) {
        return new ReviewRequest(revision, Decision.APPROVE, new Scores(4, 5, 4, 3, 4, 4), "同意");
    }

    private long publishedIdByTitle(String title) {
        signInAs(users, securityContexts, "member");
        var filter = new MethodFilter(null, null, MethodStatus.PUBLISHED, null, null, false, title);
        return methods.find(filter, new PageRequest(0, 5, "updatedAt", false)).stream()
                .filter(m -> m.title().equals(title)).findFirst().orElseThrow().id();
    }
}
