package org.methodportal.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
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
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDetail;
import org.methodportal.proposal.ProposalService;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalException.Kind;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Discussion through its service, with the whole application and the demo data. */
@ServiceTest
@RecordApplicationEvents
class CommentServiceTest {

    @Autowired
    CommentService comments;
    @Autowired
    MethodService methods;
    @Autowired
    ProposalService proposals;
    @Autowired
    ReviewService reviews;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    ApplicationEvents events;
    @Autowired
    AuditService audit;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void membersCommentOnPublishedEntriesAndSeeRepliesInTwoLevels() {
        long published = publishedIdByTitle("“一事一议”民主议事工作法");
        PortalUser member = as("member");
        VisibleComment question = comments.post(published, CommentDraft.page("会前三天发材料，**来得及**吗？"));
        as("secretary");
        VisibleComment answer = comments.post(published, CommentDraft.reply(question.id(), "来得及，@member 可以看附件。"));
        as("member");
        VisibleComment thanks = comments.post(published, CommentDraft.reply(answer.id(), "明白了，谢谢"));

        CommentThread thread = comments.threads(published, 0, 50).content().stream()
                .filter(t -> t.root().id() == question.id()).findFirst().orElseThrow();
        assertThat(thread.root().html()).contains("<strong>来得及</strong>");
        assertThat(thread.replies()).extracting(VisibleComment::id).containsExactly(answer.id(), thanks.id());
        assertThat(thread.replies()).extracting(VisibleComment::depth).containsExactly(1, 2);
        assertThat(thread.replies().getFirst().html()).as("the person's name, linked to their methods")
                .containsPattern("<a class=\"comment-mention\" href=\"methods\\?author=\\d+\" title=\"@member\">@张党员</a>");
        assertThat(comments.threads(published, 0, 1).content().getFirst().root().id())
                .as("the thread with the newest reply comes first").isEqualTo(question.id());

        assertThat(events.stream(CommentPosted.class).filter(e -> e.commentId() == answer.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.methodId()).isEqualTo(published);
                    assertThat(e.targetMethodId()).isEqualTo(published);
                    assertThat(e.parentAuthorId()).isEqualTo(member.id());
                    assertThat(e.text()).contains("@member");
                });
        assertThat(events.stream(CommentEvent.class).filter(e -> e.objectId().equals(String.valueOf(thanks.id()))))
                .extracting(CommentEvent::action).containsExactly("comment.posted");
    }

    @Test
    void commentsOnDraftsFollowTheDraftsVisibility() {
        as("secretary");
        long draft = methods.createDraft(content(unique("草稿")), null, null, null).id();
        comments.post(draft, CommentDraft.page("自己记一笔"));
        as("reviewer");
        comments.post(draft, CommentDraft.page("审核员意见"));
        assertThat(comments.threads(draft, 0, 10).total()).isEqualTo(2);

        for (String outsider : List.of("member", "secretary2")) {
            as(outsider);
            assertRefused(() -> comments.threads(draft, 0, 10), Kind.NOT_FOUND, "method.not-found");
            assertRefused(() -> comments.post(draft, CommentDraft.page("看不见")), Kind.NOT_FOUND, "method.not-found");
        }
    }

    @Test
    void authorsEditAndDeleteTheirOwnCommentsOnly() {
        long published = publishedIdByTitle("“一事一议”民主议事工作法");
        as("member");
        VisibleComment first = comments.post(published, CommentDraft.page("原来的话"));
        VisibleComment edited = comments.edit(first.id(), "改过的话", first.version());
        assertThat(edited.edited()).isTrue();
        assertThat(edited.text()).isEqualTo("改过的话");
        assertThat(comments.history(first.id())).extracting(CommentEdit::previousText).containsExactly("原来的话");
        assertRefused(() -> comments.edit(first.id(), "又改", first.version()), Kind.STALE, "comment.stale");
        assertRefused(() -> comments.post(published, CommentDraft.page("长".repeat(CommentService.TEXT_MAX + 1))),
                Kind.INVALID, "comment.too-long");

        as("secretary");
        assertRefused(() -> comments.edit(first.id(), "别人改", edited.version()), Kind.FORBIDDEN, "comment.not-author");
        assertRefused(() -> comments.delete(first.id(), edited.version()), Kind.FORBIDDEN, "comment.not-author");
        VisibleComment reply = comments.post(published, CommentDraft.reply(first.id(), "回复"));

        as("member");
        comments.delete(first.id(), edited.version());
        VisibleComment placeholder = thread(published, first.id()).root();
        assertThat(placeholder.deleted()).isTrue();
        assertThat(placeholder.text()).isNull();
        assertThat(placeholder.may().edit()).isFalse();

        as("secretary");
        comments.delete(reply.id(), reply.version());
        assertThat(comments.threads(published, 0, 500).content()).extracting(t -> t.root().id())
                .as("a placeholder left without replies disappears").doesNotContain(first.id());
        assertThat(events.stream(CommentEvent.class)).extracting(CommentEvent::action)
                .contains("comment.edited", "comment.deleted");
    }

    @Test
    void moderatorsOfTheDepartmentHideAndShowWithAReason() {
        long finance = publishedIdByTitle("“一事一议”民主议事工作法");
        long foreign = publishedIdByTitle("“铸魂”工作法");
        as("member");
        VisibleComment rude = comments.post(finance, CommentDraft.page("不当言论"));
        VisibleComment elsewhere = comments.post(foreign, CommentDraft.page("另一处"));

        as("secretary");
        assertRefused(() -> comments.hide(rude.id(), "原因", rude.version()), Kind.FORBIDDEN, "comment.not-moderator");
        as("reviewer");
        assertRefused(() -> comments.hide(elsewhere.id(), "原因", elsewhere.version()), Kind.FORBIDDEN,
                "comment.not-moderator");
        assertRefused(() -> comments.hide(rude.id(), " ", rude.version()), Kind.INVALID, "comment.reason-required");
        VisibleComment hidden = comments.hide(rude.id(), "人身攻击", rude.version());
        assertThat(hidden.text()).as("moderators still read it").isEqualTo("不当言论");
        assertThat(hidden.hidden()).isTrue();

        as("secretary");
        VisibleComment seenByOthers = thread(finance, rude.id()).root();
        assertThat(seenByOthers.text()).isNull();
        assertThat(seenByOthers.html()).isNull();
        assertThat(seenByOthers.hiddenReason()).isEqualTo("人身攻击");

        as("admin");
        comments.unhide(rude.id(), hidden.version());
        as("secretary");
        assertThat(thread(finance, rude.id()).root().text()).isEqualTo("不当言论");
        as("reviewer2");
        comments.hide(elsewhere.id(), "跑题", elsewhere.version());

        as("admin");
        List<AuditEntry> trail = audit.find(new AuditFilter(null, "comment.", String.valueOf(rude.id()), null, null),
                new PageRequest(0, 10, "occurredAt", true));
        assertThat(trail).extracting(AuditEntry::action, AuditEntry::actor).containsExactly(
                tuple("comment.posted", "member"), tuple("comment.hidden", "reviewer"),
                tuple("comment.unhidden", "admin"));
        assertThat(trail.get(1).detail()).isEqualTo("人身攻击");
    }

    @Test
    void sectionCommentsAreMarkedOutdatedWhenALaterRevisionChangesTheirText() {
        as("secretary");
        MethodDetail draft = methods.createDraft(content(unique("锚定")), null, null, null);
        as("reviewer");
        VisibleComment onStep = comments.post(draft.id(),
                CommentDraft.anchored("第二步太笼统", 1, MethodField.STEPS, 1, null));
        VisibleComment onProblem = comments.post(draft.id(),
                CommentDraft.anchored("问题写得好", 1, MethodField.PROBLEM, null, null));
        assertRefused(() -> comments.post(draft.id(), CommentDraft.anchored("标签", 1, MethodField.TAGS, null, null)),
                Kind.INVALID, "comment.field-not-anchorable");
        assertRefused(() -> comments.post(draft.id(), CommentDraft.anchored("越界", 1, MethodField.STEPS, 9, null)),
                Kind.INVALID, "comment.item-index");
        assertRefused(() -> comments.post(draft.id(), CommentDraft.anchored("无此版", 7, MethodField.PROBLEM, null,
                null)), Kind.NOT_FOUND, "method.revision-not-found");
        assertThat(onStep.anchor()).isEqualTo(new CommentAnchor(1, MethodField.STEPS, 1));
        assertThat(onStep.anchoredText()).isEqualTo("座谈");
        assertThat(onStep.outdated()).isFalse();

        as("secretary");
        MethodContent c = draft.revision().content();
        methods.saveRevision(draft.id(), withSteps(c, List.of("调研", "分组座谈", "回访")), 1, "细化");

        List<CommentThread> latest = comments.sectionThreads(draft.id(), 2);
        assertThat(latest).filteredOn(t -> t.root().id() == onStep.id()).singleElement()
                .satisfies(t -> assertThat(t.root().outdated()).isTrue());
        assertThat(latest).filteredOn(t -> t.root().id() == onProblem.id()).singleElement()
                .satisfies(t -> assertThat(t.root().outdated()).isFalse());
        assertThat(comments.sectionThreads(draft.id(), 1)).filteredOn(t -> t.root().id() == onStep.id())
                .singleElement().satisfies(t -> assertThat(t.root().outdated()).isFalse());
        assertThat(comments.unresolved(draft.id())).extracting(VisibleComment::id)
                .containsExactly(onStep.id(), onProblem.id());
        assertThat(comments.threads(draft.id(), 0, 10).content()).as("page threads leave section comments out")
                .isEmpty();
    }

    @Test
    void sectionCommentsOnUnpublishedRevisionsStayHiddenFromReadersOfThePublishedEntry() {
        as("secretary");
        MethodDetail draft = methods.createDraft(content(unique("发布")), null, null, null);
        as("reviewer");
        VisibleComment onDraft = comments.post(draft.id(), CommentDraft.anchored("草稿第一版的问题", 1, MethodField.PROBLEM,
                null, "草稿里的建议文字"));
        as("secretary");
        methods.saveRevision(draft.id(), withSteps(draft.revision().content(), List.of("调研", "座谈")), 1, null);
        proposals.submit(draft.id(), 2);
        as("reviewer2");
        reviews.review(draft.id(), new ReviewRequest(2, Decision.APPROVE, new Scores(4, 4, 4, 4, 4, 4), "同意"));
        assertThat(methods.get(draft.id()).status()).isEqualTo(MethodStatus.PUBLISHED);

        as("member");
        assertThat(comments.threads(draft.id(), true, 0, 50).content()).isEmpty();
        assertThat(comments.sectionThreads(draft.id(), 2)).isEmpty();
        assertRefused(() -> comments.comment(onDraft.id()), Kind.NOT_FOUND, "comment.not-found");
        assertRefused(() -> comments.post(draft.id(), CommentDraft.reply(onDraft.id(), "看不到")), Kind.NOT_FOUND,
                "comment.not-found");
        as("reviewer");
        assertThat(comments.comment(onDraft.id()).text()).isEqualTo("草稿第一版的问题");
    }

    @Test
    void sectionCommentsAreResolvedAndReopenedByThoseConcerned() {
        as("secretary");
        MethodDetail draft = methods.createDraft(content(unique("解决")), null, null, null);
        as("reviewer");
        VisibleComment review = comments.post(draft.id(), CommentDraft.anchored("请补充", 1, MethodField.CONCEPT, null,
                null));
        VisibleComment reply = comments.post(draft.id(), CommentDraft.reply(review.id(), "补充说明"));
        assertRefused(() -> comments.resolve(reply.id(), reply.version()), Kind.INVALID,
                "comment.not-section-comment");
        as("reviewer2");
        VisibleComment resolved = comments.resolve(review.id(), review.version());
        assertThat(resolved.resolved()).isTrue();
        assertThat(comments.unresolved(draft.id())).isEmpty();
        as("secretary");
        assertRefused(() -> comments.resolve(review.id(), resolved.version()), Kind.CONFLICT,
                "comment.already-resolved");
        VisibleComment reopened = comments.reopen(review.id(), resolved.version());
        assertThat(reopened.resolved()).isFalse();

        long published = publishedIdByTitle("“一事一议”民主议事工作法");
        int shown = methods.get(published).revision().number();
        as("member");
        VisibleComment onPublished = comments.post(published, CommentDraft.anchored("第一条很好", shown,
                MethodField.MEASURES, 0, null));
        assertRefused(() -> comments.post(published, CommentDraft.anchored("改成这样", shown, MethodField.MEASURES, 0,
                "建议")), Kind.INVALID, "comment.suggestion-on-published");
        as("secretary2");
        assertRefused(() -> comments.resolve(onPublished.id(), onPublished.version()), Kind.FORBIDDEN,
                "comment.not-allowed");
        as("secretary");
        assertThat(comments.resolve(onPublished.id(), onPublished.version()).resolved()).isTrue();
    }

    @Test
    void theDraftsAuthorAppliesASuggestionAsTheNextRevisionCreditingTheSuggester() {
        as("secretary");
        MethodDetail draft = methods.createDraft(content(unique("采纳")), null, null, null);
        as("reviewer");
        VisibleComment suggestion = comments.post(draft.id(), CommentDraft.anchored("建议写具体", 1, MethodField.STEPS, 1,
                "召开座谈会，逐条听取意见"));
        assertThat(suggestion.suggestionState()).isEqualTo(SuggestionState.PENDING);
        assertThat(suggestion.may().decideSuggestion()).isFalse();
        assertRefused(() -> comments.applySuggestion(suggestion.id(), suggestion.version()), Kind.FORBIDDEN,
                "comment.not-draft-author");

        as("secretary");
        assertThat(comments.comment(suggestion.id()).may().decideSuggestion()).isTrue();
        MethodDetail applied = comments.applySuggestion(suggestion.id(), suggestion.version());
        assertThat(applied.revision().number()).isEqualTo(2);
        assertThat(applied.revision().content().steps()).containsExactly("调研", "召开座谈会，逐条听取意见", "回访");
        assertThat(applied.revision().content().problem()).isEqualTo(draft.revision().content().problem());
        assertThat(applied.revision().changeNote()).isEqualTo("采纳 王审核 的建议：操作步骤 2");
        VisibleComment after = comments.comment(suggestion.id());
        assertThat(after.suggestionState()).isEqualTo(SuggestionState.APPLIED);
        assertThat(after.resolved()).isTrue();
        assertRefused(() -> comments.applySuggestion(suggestion.id(), after.version()), Kind.CONFLICT,
                "comment.suggestion-decided");
    }

    @Test
    void aSuggestionWhoseTextChangedMeanwhileIsRefusedAndOthersCanBeDismissed() {
        as("secretary");
        MethodDetail draft = methods.createDraft(content(unique("过时")), null, null, null);
        as("reviewer");
        VisibleComment outdated = comments.post(draft.id(), CommentDraft.anchored("改第一步", 1, MethodField.STEPS, 0,
                "深入调研"));
        VisibleComment other = comments.post(draft.id(), CommentDraft.anchored("改问题", 1, MethodField.PROBLEM, null,
                "另一种问题表述"));
        as("secretary");
        methods.saveRevision(draft.id(), withSteps(draft.revision().content(), List.of("走访调研", "座谈", "回访")), 1,
                null);
        assertRefused(() -> comments.applySuggestion(outdated.id(), outdated.version()), Kind.CONFLICT,
                "comment.suggestion-outdated");
        assertThat(methods.get(draft.id()).revision().content().steps()).startsWith("走访调研");

        VisibleComment dismissed = comments.dismissSuggestion(other.id(), other.version());
        assertThat(dismissed.suggestionState()).isEqualTo(SuggestionState.DISMISSED);
        assertThat(dismissed.resolved()).isTrue();
        assertThat(methods.get(draft.id()).latestRevision()).isEqualTo(2);
    }

    @Test
    void suggestionsWorkOnChangeRequestsAndWatchersOfTheTargetAreNamed() {
        long published = publishedIdByTitle("“一事一议”民主议事工作法");
        as("secretary");
        MethodContent current = methods.get(published).revision().content();
        MethodDetail change = proposals.proposeChange(published, current, "修改提案");
        as("reviewer");
        VisibleComment suggestion = comments.post(change.id(), CommentDraft.anchored("结果公开要更快", 1,
                MethodField.STEPS, current.steps().size() - 1, "会后三天内公开议定结果和执行安排"));
        assertThat(events.stream(CommentPosted.class).filter(e -> e.commentId() == suggestion.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.methodId()).isEqualTo(change.id());
                    assertThat(e.targetMethodId()).isEqualTo(published);
                    assertThat(e.parentAuthorId()).isNull();
                });

        as("secretary");
        MethodDetail applied = comments.applySuggestion(suggestion.id(), suggestion.version());
        assertThat(applied.id()).isEqualTo(change.id());
        assertThat(applied.revision().content().steps()).last().isEqualTo("会后三天内公开议定结果和执行安排");
        assertThat(methods.get(published).revision().content()).as("the published entry is untouched")
                .isEqualTo(current);
    }

    @Test
    void applyingASuggestionConcurrentlyWithASaveLosesNoText() throws Exception {
        as("secretary");
        MethodDetail draft = methods.createDraft(content(unique("并发")), null, null, null);
        as("reviewer");
        VisibleComment suggestion = comments.post(draft.id(), CommentDraft.anchored("改第三步", 1, MethodField.STEPS, 2,
                "电话回访并记录"));
        MethodContent saved = withSteps(draft.revision().content(), List.of("调研", "座谈", "回访"));
        saved = new MethodContent(saved.title(), saved.summary(), saved.category(), "并发保存的问题描述", saved.concept(),
                saved.measures(), saved.steps(), saved.outcomes(), saved.applicability(), saved.tags(), saved.body());
        MethodContent concurrentSave = saved;

        var barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> save = pool.submit(signedIn("secretary", barrier,
                    () -> methods.saveRevision(draft.id(), concurrentSave, 1, "并发保存")));
            Future<Boolean> apply = pool.submit(signedIn("secretary", barrier,
                    () -> comments.applySuggestion(suggestion.id(), suggestion.version())));
            boolean saveWon = save.get();
            boolean applyWon = apply.get();

            as("secretary");
            MethodContent latest = methods.get(draft.id()).revision().content();
            assertThat(saveWon || applyWon).as("one of them succeeds").isTrue();
            if (saveWon) {
                assertThat(latest.problem()).isEqualTo("并发保存的问题描述");
            }
            if (applyWon) {
                assertThat(latest.steps().get(2)).isEqualTo("电话回访并记录");
            }
            assertThat(methods.get(draft.id()).latestRevision()).isEqualTo(1 + (saveWon ? 1 : 0) + (applyWon ? 1 : 0));
            VisibleComment after = comments.comment(suggestion.id());
            assertThat(after.suggestionState()).isEqualTo(applyWon ? SuggestionState.APPLIED : SuggestionState.PENDING);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- helpers

    /** Runs the call signed in as {@code login} once both threads are ready; true when it succeeded. */
    private Callable<Boolean> signedIn(String login, CyclicBarrier barrier, Callable<?> call) {
        return () -> {
            signInAs(users, securityContexts, login);
            try {
                barrier.await();
                call.call();
                return true;
            } catch (PortalException e) {
                assertThat(e.kind()).isIn(Kind.STALE, Kind.CONFLICT);
                return false;
            } finally {
                securityContexts.clearContext();
            }
        };
    }

    private PortalUser as(String login) {
        return signInAs(users, securityContexts, login);
    }

    private CommentThread thread(long methodId, long rootId) {
        return comments.threads(methodId, 0, 500).content().stream().filter(t -> t.root().id() == rootId)
                .findFirst().orElseThrow();
    }

    private long publishedIdByTitle(String title) {
        as("member");
        var filter = new MethodFilter(null, null, MethodStatus.PUBLISHED, null, null, false, title);
        return methods.find(filter, new PageRequest(0, 5, "updatedAt", false)).stream()
                .filter(m -> m.title().equals(title)).findFirst().orElseThrow().id();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static MethodContent content(String title) {
        return new MethodContent(title, "摘要", Category.MASS_LINE, "基层需求与机关服务脱节", "服务基层",
                List.of("对接需求", "对接资源"), List.of("调研", "座谈", "回访"), "群众满意度提高", "各部委机关",
                List.of("对接"), null);
    }

    private static MethodContent withSteps(MethodContent c, List<String> steps) {
        return new MethodContent(c.title(), c.summary(), c.category(), c.problem(), c.concept(), c.measures(),
                new ArrayList<>(steps), c.outcomes(), c.applicability(), c.tags(), c.body());
    }

    private static void assertRefused(ThrowingCallable call, Kind kind, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PortalException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
