package org.methodportal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.AccountForm;
import org.methodportal.account.AccountService;
import org.methodportal.account.AccountSummary;
import org.methodportal.comment.CommentPosted;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.proposal.ProposalService;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.shared.AfterCommitListeners;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.shared.ServiceTest;
import org.methodportal.shared.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watching, mentions and replies. Demo data: secretary drafts in 财政部, which reviewer and
 * reviewer2 review, so they and admin may see the draft; member and secretary2 (农业部) may not.
 * Comments are published as {@link CommentPosted} inside a transaction, as the comment service does.
 */
@ServiceTest
class WatchServiceTest {

    private static final PageRequest ALL = new PageRequest(0, 500, "createdAt", false);

    @Autowired
    WatchService watches;
    @Autowired
    NotificationService notifications;
    @Autowired
    MethodService methods;
    @Autowired
    ProposalService proposals;
    @Autowired
    ReviewService reviews;
    @Autowired
    AccountService accounts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    /** Ids no real comment has: the event is audited, and the audit trail of real comments stays theirs. */
    private long commentIds = -1;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void authorsWatchTheirDraftsCommentersWatchWhatTheyCommentOnAndUnwatchSticks() {
        long id = draft("secretary", "自动关注");
        assertThat(watches.isWatching(id)).isTrue();

        comment("reviewer", id, "看过了", null);
        signInAs(users, securityContexts, "reviewer");
        assertThat(watches.isWatching(id)).isTrue();
        assertThat(watches.unwatch(id)).isEqualTo(new WatchState(id, false));
        comment("reviewer", id, "再看一次", null);
        signInAs(users, securityContexts, "reviewer");
        assertThat(watches.isWatching(id)).as("unwatch sticks").isFalse();
        assertThat(watches.watcherIds(id)).containsExactly(idOf("secretary"));

        assertThat(watches.watch(id).watching()).isTrue();
        assertThat(watches.watch(id).watching()).as("idempotent").isTrue();
        assertThat(watches.watcherIds(id)).containsExactlyInAnyOrder(idOf("secretary"), idOf("reviewer"));
    }

    @Test
    void theAutoWatchSettingOffMeansNoAutomaticWatching() {
        String login = newAccount("关注关闭", Set.of(Role.SECRETARY), Set.of());
        signInAs(users, securityContexts, login);
        accounts.changeOwnAutoWatch(false);
        assertThat(accounts.autoWatches(idOf(login))).isFalse();
        long id = methods.createDraft(content("不自动关注"), null, null, null).id();
        AfterCommitListeners.awaitMethodEvents(registry);
        assertThat(watches.isWatching(id)).isFalse();
        comment(login, id, "自己评论", null);
        signInAs(users, securityContexts, login);
        assertThat(watches.isWatching(id)).isFalse();
        assertThat(watches.watch(id).watching()).as("explicit watching still works").isTrue();
    }

    @Test
    void watchersHearOfCommentsButNeverOfTheirOwn() {
        long id = draft("secretary", "评论通知");
        comment("secretary", id, "我自己的评论", null);
        assertThat(items("secretary", id)).isEmpty();

        comment("reviewer", id, "审核意见", null);
        assertThat(items("secretary", id)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("comment.posted");
            assertThat(n.actorName()).isEqualTo(displayName("reviewer"));
            assertThat(n.eventCount()).isEqualTo(1);
        });
        assertThat(items("reviewer", id)).as("own comment").isEmpty();
    }

    @Test
    void aBurstOfCommentsFoldsIntoOneUnreadItemAndANewItemFollowsOnceItWasRead() {
        long id = draft("secretary", "评论折叠");
        signInAs(users, securityContexts, "secretary");
        long unreadBefore = notifications.unreadCount();
        comment("reviewer", id, "一", null);
        comment("reviewer2", id, "二", null);
        comment("reviewer", id, "三", null);
        comment("admin", id, "四", null);
        comment("reviewer", id, "五", null);

        InboxItem folded = items("secretary", id).getFirst();
        assertThat(items("secretary", id)).hasSize(1);
        assertThat(folded.kind()).isEqualTo("comment.posted");
        assertThat(folded.eventCount()).isEqualTo(5);
        assertThat(folded.actorCount()).isEqualTo(3);
        assertThat(folded.actorName()).isEqualTo(displayName("reviewer"));
        signInAs(users, securityContexts, "secretary");
        assertThat(notifications.unreadCount()).isEqualTo(unreadBefore + 1);
        assertThat(notifications.inbox(false, new PageRequest(0, 1, "createdAt", false)).content().getFirst().id())
                .as("bumped to the top").isEqualTo(folded.id());

        assertThat(notifications.markRead(folded.id())).isTrue();
        comment("reviewer2", id, "六", null);
        assertThat(items("secretary", id)).hasSize(2).first().satisfies(n -> {
            assertThat(n.unread()).isTrue();
            assertThat(n.eventCount()).isEqualTo(1);
        });
    }

    @Test
    void mentionsReachOnlyThoseWhoMaySeeTheMethodAndEachPersonHearsOnce() {
        long id = draft("secretary", "提及隐私");
        comment("reviewer", id, "请 @reviewer2 和 @secretary2 以及 @member 看看，也请@admin。 还有 @SECRETARY",
                null);

        assertThat(items("reviewer2", id)).singleElement().extracting(InboxItem::kind)
                .isEqualTo("comment.mentioned");
        assertThat(items("secretary2", id)).as("may not see the draft").isEmpty();
        assertThat(items("member", id)).as("may not see the draft").isEmpty();
        assertThat(items("admin", id)).as("Chinese text needs no space before @").singleElement()
                .extracting(InboxItem::kind).isEqualTo("comment.mentioned");
        assertThat(items("secretary", id)).as("watcher and mentioned: one item, the mention").singleElement()
                .extracting(InboxItem::kind).isEqualTo("comment.mentioned");
    }

    @Test
    void aReplyTellsTheParentAuthorOnceEvenIfTheyAreMentionedAndWatch() {
        long id = draft("secretary", "回复通知");
        comment("reviewer", id, "回复 @secretary：同意", idOf("secretary"));
        assertThat(items("secretary", id)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("comment.replied");
            assertThat(n.actorName()).isEqualTo(displayName("reviewer"));
        });
        comment("reviewer", id, "回复 member", idOf("member"));
        assertThat(items("member", id)).as("may not see the draft").isEmpty();
    }

    @Test
    void aWatcherWhoLostAccessHearsNothing() {
        long id = draft("secretary", "失去权限");
        long finance = signInAs(users, securityContexts, "secretary").departmentId();
        String login = newAccount("临时审核", Set.of(Role.REVIEWER), Set.of(finance));
        signInAs(users, securityContexts, login);
        watches.watch(id);

        comment("reviewer", id, "第一条", null);
        assertThat(items(login, id)).hasSize(1);
        signInAs(users, securityContexts, login);
        notifications.markAllRead();

        signInAs(users, securityContexts, "admin");
        AccountSummary account = accounts.find(new org.methodportal.account.AccountFilter(login, null, null, null,
                null), ALL).getFirst();
        accounts.update(account.id(), new AccountForm(login, account.displayName(), account.branchId(),
                Set.of(Role.MEMBER), Set.of()), account.version());
        comment("reviewer", id, "第二条", null);
        assertThat(items(login, id)).as("only the read item from before").singleElement()
                .satisfies(n -> assertThat(n.unread()).isFalse());
    }

    @Test
    void watchersHearOfSubmissionsAndPublicationsOnceAndReviewersOnlyAsReviewers() {
        long id = draft("secretary", "工作流关注");
        signInAs(users, securityContexts, "member");
        assertThatThrownBy(() -> watches.watch(id)).isInstanceOf(PortalException.class);
        signInAs(users, securityContexts, "admin");
        watches.watch(id);
        signInAs(users, securityContexts, "reviewer");
        watches.watch(id);

        signInAs(users, securityContexts, "secretary");
        proposals.submit(id, 1);
        assertThat(items("admin", id)).extracting(InboxItem::kind).containsExactly("watch.submitted");
        assertThat(items("reviewer", id)).as("told as reviewer only").extracting(InboxItem::kind)
                .containsExactly("proposal.submitted");
        assertThat(items("secretary", id)).as("the actor").isEmpty();

        signInAs(users, securityContexts, "member");
        signInAs(users, securityContexts, "reviewer");
        assertThat(reviews.review(id, new ReviewRequest(1, Decision.APPROVE, new Scores(4, 4, 4, 4, 4, 4), "同意"))
                .status()).isEqualTo(MethodStatus.PUBLISHED);
        assertThat(items("admin", id)).extracting(InboxItem::kind)
                .containsExactly("watch.published", "watch.submitted");
        assertThat(items("secretary", id)).as("told as author only").extracting(InboxItem::kind)
                .containsExactly("method.published");
        assertThat(items("reviewer", id)).as("the actor").extracting(InboxItem::kind)
                .containsExactly("proposal.submitted");

        // Published: anyone may watch now, and change requests against it are news for watchers who may see them.
        signInAs(users, securityContexts, "member");
        watches.watch(id);
        signInAs(users, securityContexts, "secretary");
        long change = proposals.proposeChange(id, content("修改提案"), null).id();
        AfterCommitListeners.awaitMethodEvents(registry);
        signInAs(users, securityContexts, "secretary");
        assertThat(watches.state(change)).as("a change request is watched through its target")
                .isEqualTo(new WatchState(id, true));
        assertThat(items("admin", change)).extracting(InboxItem::kind).containsExactly("watch.change-proposed");
        assertThat(items("member", change)).as("may not see the change request").isEmpty();
    }

    // ---- helpers

    private long draft(String author, String title) {
        signInAs(users, securityContexts, author);
        long id = methods.createDraft(content(title), null, null, null).id();
        AfterCommitListeners.awaitMethodEvents(registry);
        return id;
    }

    /**
     * Posts a comment as the comment service does: the event inside the author's transaction; then
     * waits for the after-commit notification listener to have run.
     */
    private void comment(String author, long methodId, String text, @Nullable Long parentAuthorId) {
        PortalUser user = signInAs(users, securityContexts, author);
        var method = methods.get(methodId);
        long target = method.changeOfMethodId() != null ? method.changeOfMethodId() : methodId;
        var posted = new CommentPosted(commentIds--, methodId, method.revision().content().title(), target,
                user.id(), parentAuthorId, text, Instant.now(), null, false);
        transactions.executeWithoutResult(tx -> events.publishEvent(posted));
        AfterCommitListeners.awaitCompleted(registry, posted::equals);
    }

    /** The items of {@code login} about the method, once the after-commit listeners have run. */
    private List<InboxItem> items(String login, long methodId) {
        AfterCommitListeners.awaitMethodEvents(registry);
        signInAs(users, securityContexts, login);
        return notifications.inbox(false, ALL).content().stream().filter(n -> n.methodId() != null
                && n.methodId() == methodId).toList();
    }

    private long idOf(String login) {
        return ((PortalUser) users.loadUserByUsername(login)).id();
    }

    private String displayName(String login) {
        return ((PortalUser) users.loadUserByUsername(login)).displayName();
    }

    private String newAccount(String name, Set<Role> roles, Set<Long> reviewed) {
        PortalUser secretary = signInAs(users, securityContexts, "secretary");
        signInAs(users, securityContexts, "admin");
        String login = TestUsers.uniqueLogin();
        accounts.create(new AccountForm(login, name, secretary.branchId(), roles, reviewed), "portal-demo-1234");
        return login;
    }

    private static MethodContent content(String title) {
        return new MethodContent(title + " " + UUID.randomUUID().toString().substring(0, 6), "摘要",
                Category.MASS_LINE, "基层需求与机关服务脱节", "服务基层", List.of("对接需求", "对接资源"),
                List.of("调研", "座谈"), "群众满意度提高", "各部委机关", List.of("对接"), null);
    }
}
