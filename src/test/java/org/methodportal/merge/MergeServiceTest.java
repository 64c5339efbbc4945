package org.methodportal.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.List;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.audit.AuditEntry;
import org.methodportal.audit.AuditFilter;
import org.methodportal.audit.AuditService;
import org.methodportal.method.Category;
import org.methodportal.method.MergeSource;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.Provenance;
import org.methodportal.notification.NotificationService;
import org.methodportal.proposal.ProposalService;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchIndexer;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.SearchService;
import org.methodportal.search.SearchSort;
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

/**
 * Merging (总结提炼) through the services with the whole application. Demo data: secretary drafts in
 * 财政部, which reviewer and reviewer2 both review; secretary2 in 农业部, which only reviewer reviews.
 */
@ServiceTest
class MergeServiceTest {

    private static final PageRequest FIRST_PAGE = new PageRequest(0, 100, "createdAt", false);

    @Autowired
    MergeService merges;
    @Autowired
    MethodService methods;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    ProposalService proposals;
    @Autowired
    ReviewService reviews;
    @Autowired
    AuditService audit;
    @Autowired
    NotificationService notifications;
    @Autowired
    SearchService search;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void startRefusesTooFewSourcesInvisibleOnesAndThoseOfOtherDepartments() {
        long draft = draft("secretary", "单个来源");
        long agricultureDraft = draft("secretary2", "农业部草稿");
        long agriculturePublished = published("secretary2", "农业部已发布");
        signInAs(users, securityContexts, "reviewer2");

        assertRefused(() -> merges.start(List.of(draft), null), Kind.INVALID, "merge.too-few-sources");
        assertRefused(() -> merges.start(List.of(draft, draft), null), Kind.INVALID, "merge.too-few-sources");
        assertRefused(() -> merges.start(List.of(draft, agricultureDraft), null), Kind.NOT_FOUND,
                "merge.source-not-found");
        assertRefused(() -> merges.start(List.of(draft, agriculturePublished), null), Kind.FORBIDDEN,
                "merge.not-reviewer");
        assertRefused(() -> merges.start(List.of(draft, 999_999_999L), null), Kind.NOT_FOUND,
                "merge.source-not-found");
        signInAs(users, securityContexts, "secretary");
        assertThatThrownBy(() -> merges.start(List.of(draft, agricultureDraft), null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSourceIsInOneOpenMergeAtATimeAndFreeAgainWhenTheMergeIsRejected() {
        long a = draft("secretary", "甲");
        long b = published("secretary", "乙");
        long c = draft("secretary", "丙");
        signInAs(users, securityContexts, "reviewer");
        MethodDetail merge = merges.start(List.of(a, b), null);

        assertRefused(() -> merges.start(List.of(c, b), null), Kind.CONFLICT, "merge.source-in-merge");
        assertRefused(() -> merges.start(List.of(c), b), Kind.CONFLICT, "merge.source-in-merge");

        merges.submit(merge.id(), 1);
        signInAs(users, securityContexts, "reviewer2");
        reviews.review(merge.id(), new ReviewRequest(1, Decision.REJECT, scores(), "不合并"));
        signInAs(users, securityContexts, "reviewer");
        assertThat(merges.start(List.of(c, b), null).status()).isEqualTo(MethodStatus.DRAFT);
    }

    @Test
    void approvedMergeFoldsTheSourcesIntoTheStandardEntryWithProvenance() {
        String word = "合并词" + UUID.randomUUID().toString().substring(0, 6);
        long raw = draft("secretary", "原生态做法 " + word);
        long entry = published("secretary", "已有条目 " + word);
        signInAs(users, securityContexts, "reviewer");

        MethodDetail merge = merges.start(List.of(raw, entry), null);
        assertThat(merge.ownerId()).isEqualTo(signInAs(users, securityContexts, "reviewer").id());
        assertThat(merge.revision().content().title()).startsWith("原生态做法");
        assertThat(merges.draft(merge.id()).sources()).extracting(MergeDraft.SourceText::id).containsExactly(raw, entry);
        assertThat(merges.provenance(merge.id()).sources()).extracting(MergeSource::id, MergeSource::mergedAt)
                .containsExactly(tuple(raw, null), tuple(entry, null));

        signInAs(users, securityContexts, "secretary");
        methods.saveRevision(raw, content("原生态做法（补充） " + word), 1, null);
        signInAs(users, securityContexts, "reviewer");
        assertThat(merges.draft(merge.id()).sources().getFirst().revision().number())
                .as("an open merge shows the source as it is now").isEqualTo(2);

        MethodDetail composed = merges.compose(merge.id(), content("标准条目 " + word), 1, "总结提炼");
        assertThat(composed.latestRevision()).isEqualTo(2);
        merges.submit(merge.id(), 2);
        assertRefused(() -> reviews.review(merge.id(), approve(2)), Kind.FORBIDDEN, "review.self-review");

        signInAs(users, securityContexts, "reviewer2");
        assertThat(reviews.review(merge.id(), approve(2)).status()).isEqualTo(MethodStatus.PUBLISHED);

        Provenance provenance = merges.provenance(merge.id());
        assertThat(provenance.sources()).extracting(MergeSource::id, MergeSource::status, MergeSource::previousStatus)
                .containsExactly(tuple(raw, MethodStatus.MERGED_INTO, MethodStatus.DRAFT),
                        tuple(entry, MethodStatus.MERGED_INTO, MethodStatus.PUBLISHED));
        assertThat(provenance.sources()).extracting(MergeSource::revision).as("the revisions merged")
                .containsExactly(2, 1);
        assertThat(merges.provenance(raw).mergedInto()).isEqualTo(
                new Provenance.MergedInto(merge.id(), "标准条目 " + word));
        signInAs(users, securityContexts, "secretary");
        AfterCommitListeners.awaitMethodEvents(registry);
        assertThat(notifications.inbox(false, FIRST_PAGE).content()).as("the author hears where the draft went")
                .anySatisfy(n -> {
                    assertThat(n.kind()).isEqualTo("method.merged-into");
                    assertThat(n.methodId()).isEqualTo(raw);
                });
        signInAs(users, securityContexts, "member");
        assertThat(methods.get(entry).status()).as("a published source stays readable by URL")
                .isEqualTo(MethodStatus.MERGED_INTO);
        assertThat(merges.provenance(merge.id()).sources()).as("the raw draft stays private")
                .extracting(MergeSource::id).containsExactly(entry);
        assertThat(merges.provenance(entry).mergedInto()).isNotNull();

        signInAs(users, securityContexts, "admin");
        assertThat(auditActions(raw)).contains("method.merged-into");
        assertThat(auditActions(entry)).contains("method.merged-into");
        assertThat(auditActions(merge.id())).contains("merge.started", "method.published");
    }

    @Test
    void mergedAwaySourcesAreReadOnlyAndLeaveTheDefaultSearch() {
        String word = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "7";
        long raw = draft("secretary", "草稿 " + word);
        long entry = published("secretary", "条目 " + word);
        indexer.drain();
        signInAs(users, securityContexts, "admin");
        assertThat(found(SearchRequest.of(word))).contains(entry);

        long standard = approvedMerge(List.of(raw, entry), null, "标准 " + word);
        indexer.drain();

        signInAs(users, securityContexts, "admin");
        assertThat(found(SearchRequest.of(word))).as("default search: published only").contains(standard)
                .doesNotContain(raw, entry);
        assertThat(found(new SearchRequest(word, null, null, MethodStatus.MERGED_INTO, null, null,
                SearchSort.RELEVANCE, 0, 20))).as("when asked for").contains(raw, entry);

        signInAs(users, securityContexts, "secretary");
        assertRefused(() -> methods.saveRevision(raw, content("再改 " + word), 1, null), Kind.CONFLICT,
                "workflow.merged-into");
        assertRefused(() -> proposals.submit(raw, 1), Kind.CONFLICT, "workflow.merged-into");
        assertRefused(() -> proposals.proposeChange(entry, content("修改 " + word), null), Kind.CONFLICT,
                "workflow.merged-into");
        signInAs(users, securityContexts, "reviewer");
        assertRefused(() -> proposals.archive(entry), Kind.CONFLICT, "workflow.merged-into");
        assertThat(methods.revisions(raw)).as("history stays").isNotEmpty();
    }

    @Test
    void unmergeRestoresThePreviousStatesArchivesTheEntryAndIsAudited() {
        String word = "撤销词" + UUID.randomUUID().toString().substring(0, 6);
        long raw = draft("secretary", "草稿 " + word);
        long entry = published("secretary", "条目 " + word);
        long standard = approvedMerge(List.of(raw, entry), null, "标准 " + word);

        signInAs(users, securityContexts, "reviewer");
        assertThatThrownBy(() -> merges.unmerge(standard, "误合并")).isInstanceOf(AccessDeniedException.class);
        signInAs(users, securityContexts, "admin");
        assertRefused(() -> merges.unmerge(standard, "  "), Kind.INVALID, "merge.reason-required");

        MethodDetail after = merges.unmerge(standard, "误合并");

        assertThat(after.status()).isEqualTo(MethodStatus.ARCHIVED);
        assertThat(methods.get(raw).status()).isEqualTo(MethodStatus.DRAFT);
        assertThat(methods.get(entry).status()).isEqualTo(MethodStatus.PUBLISHED);
        assertThat(merges.provenance(standard).sources()).isEmpty();
        assertThat(merges.provenance(entry).mergedInto()).isNull();
        assertRefused(() -> merges.unmerge(standard, "再次"), Kind.CONFLICT, "merge.nothing-to-undo");
        assertThat(audit.find(new AuditFilter(null, "method.unmerged", String.valueOf(raw), null, null),
                FIRST_PAGE)).extracting(AuditEntry::actor, AuditEntry::detail)
                .singleElement().satisfies(t -> assertThat(t.toList()).containsExactly("admin",
                        "merge #" + standard + " → #" + standard + " DRAFT 草稿 " + word + " (误合并)"));
        assertThat(auditActions(standard)).contains("merge.undone");

        signInAs(users, securityContexts, "secretary");
        assertThat(methods.saveRevision(raw, content("可以再改 " + word), 1, null).latestRevision())
                .as("the restored draft is editable again").isEqualTo(2);
        signInAs(users, securityContexts, "reviewer");
        assertThat(merges.start(List.of(raw, entry), null).status()).as("free for a new merge")
                .isEqualTo(MethodStatus.DRAFT);
    }

    @Test
    void mergeIntoAnExistingEntryIsAChangeRequestThatAddsARevisionAndKeepsItOnUnmerge() {
        String word = "并入词" + UUID.randomUUID().toString().substring(0, 6);
        long raw = draft("secretary", "草稿 " + word);
        long target = published("secretary", "现有 " + word);
        signInAs(users, securityContexts, "reviewer");
        assertRefused(() -> merges.start(List.of(raw), raw), Kind.INVALID, "merge.target-is-source");
        assertRefused(() -> merges.start(List.of(), target), Kind.INVALID, "merge.too-few-sources");

        long request = approvedMerge(List.of(raw), target, "并入后 " + word);

        assertThat(request).isNotEqualTo(target);
        signInAs(users, securityContexts, "member");
        MethodDetail standard = methods.get(target);
        assertThat(standard.publishedRevision()).isEqualTo(2);
        assertThat(standard.revision().content().title()).isEqualTo("并入后 " + word);
        signInAs(users, securityContexts, "reviewer");
        assertThat(merges.provenance(target).sources()).extracting(MergeSource::id).containsExactly(raw);
        assertThat(merges.provenance(raw).mergedInto()).extracting(Provenance.MergedInto::id).isEqualTo(target);

        signInAs(users, securityContexts, "admin");
        merges.unmerge(target, "拆分");
        assertThat(methods.get(target).status()).as("the reviewed entry stays").isEqualTo(MethodStatus.PUBLISHED);
        assertThat(methods.get(raw).status()).isEqualTo(MethodStatus.DRAFT);
    }

    @Test
    void aDraftedMergeCanGoIntoAnExistingEntryInsteadKeepingTheComposedText() {
        long a = draft("secretary", "改投甲");
        long b = draft("secretary", "改投乙");
        long target = published("secretary", "改投目标");
        signInAs(users, securityContexts, "reviewer");
        MethodDetail merge = merges.start(List.of(a, b), null);

        assertRefused(() -> merges.mergeIntoExisting(merge.id(), target, content(""), null), Kind.INVALID,
                "method.title-required");
        assertThat(methods.get(merge.id()).status()).as("all or nothing").isEqualTo(MethodStatus.DRAFT);

        MethodDetail request = merges.mergeIntoExisting(merge.id(), target, content("改投后的文本"), "改为并入");

        assertThat(request.changeOfMethodId()).isEqualTo(target);
        assertThat(request.latestRevision()).isEqualTo(2);
        assertThat(request.revision().content().title()).isEqualTo("改投后的文本");
        assertThat(methods.get(merge.id()).status()).isEqualTo(MethodStatus.REJECTED);
        assertThat(merges.draft(request.id()).sources()).extracting(MergeDraft.SourceText::id).containsExactly(a, b);
        assertThat(merges.draft(request.id()).target()).extracting(MergeDraft.SourceText::id).isEqualTo(target);
        signInAs(users, securityContexts, "admin");
        assertThat(auditActions(merge.id())).contains("merge.abandoned");
    }

    // ---- helpers

    /** Starts (as reviewer), composes, submits and approves (as reviewer2) a merge; returns the merge proposal. */
    private long approvedMerge(List<Long> sources, Long target, String title) {
        signInAs(users, securityContexts, "reviewer");
        MethodDetail merge = merges.start(sources, target);
        merges.compose(merge.id(), content(title), 1, null);
        merges.submit(merge.id(), 2);
        signInAs(users, securityContexts, "reviewer2");
        reviews.review(merge.id(), approve(2));
        return merge.id();
    }

    private long draft(String author, String title) {
        signInAs(users, securityContexts, author);
        return methods.createDraft(content(title), null, null, null).id();
    }

    private long published(String author, String title) {
        long id = draft(author, title);
        proposals.submit(id, 1);
        signInAs(users, securityContexts, "reviewer");
        assertThat(reviews.review(id, approve(1)).status()).isEqualTo(MethodStatus.PUBLISHED);
        return id;
    }

    private List<String> auditActions(long methodId) {
        return audit.find(new AuditFilter(null, null, String.valueOf(methodId), null, null), FIRST_PAGE).stream()
                .map(AuditEntry::action).toList();
    }

    private List<Long> found(SearchRequest request) {
        return search.search(request).hits().stream().map(SearchHit::id).toList();
    }

    private static ReviewRequest approve(int revision) {
        return new ReviewRequest(revision, Decision.APPROVE, scores(), "同意");
    }

    private static Scores scores() {
        return new Scores(4, 5, 4, 3, 4, 4);
    }

    private static MethodContent content(String title) {
        return new MethodContent(title, "摘要", Category.MASS_LINE, "基层需求与机关服务脱节", "服务基层",
                List.of("对接需求", "对接资源"), List.of("调研", "座谈"), "群众满意度提高", "各部委机关", List.of("对接"), null);
    }

    private static void assertRefused(ThrowingCallable call, Kind kind, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PortalException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
