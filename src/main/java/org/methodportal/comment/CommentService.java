package org.methodportal.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.AccountService;
import org.methodportal.account.MentionedAccount;
import org.methodportal.comment.persistence.CommentKey;
import org.methodportal.comment.persistence.CommentMapper;
import org.methodportal.comment.persistence.CommentRow;
import org.methodportal.comment.persistence.NewComment;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodField;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.Revision;
import org.methodportal.method.RevisionSummary;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Discussion on methods. Whoever may see a method (MethodService's rules; unseen means
 * not found) may read and write its comments, so members comment on published entries and
 * comments on drafts follow the draft's visibility. Authors edit and delete their own comments;
 * moderators (reviewers of the method's origin department, admins) hide and show them with a
 * reason. Section comments point at one field of one exact revision; they are resolved and
 * reopened by the method's author, the comment's author, the department's reviewers and admins,
 * and may carry a suggested text that the draft's author applies as the next revision.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class CommentService {

    /** Longest comment text, in characters (the UI shows a counter against it). */
    public static final int TEXT_MAX = 2_000;
    public static final int REASON_MAX = 500;
    static final int SUGGESTION_MAX = 10_000;
    static final int ITEM_SUGGESTION_MAX = 2_000;
    /** Section comments are few per method; they are read in one go for the sections of a page. */
    private static final int SECTION_THREADS_MAX = 500;

    private static final Logger log = LoggerFactory.getLogger(CommentService.class);

    private final CommentMapper comments;
    private final MethodService methods;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    CommentService(CommentMapper comments, MethodService methods, AccountService accounts, CurrentUser currentUser,
                   ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.comments = comments;
        this.accounts = accounts;
        this.methods = methods;
        this.currentUser = currentUser;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- reading

    /** A page of the method's page-comment threads (section comments excluded), newest activity first. */
    public PageResult<CommentThread> threads(long methodId, int page, int size) {
        return threads(methodId, false, page, size);
    }

    /** A page of threads; {@code anchored} true: section comments only, false: page comments only, null: all. */
    public PageResult<CommentThread> threads(long methodId, @Nullable Boolean anchored, int page, int size) {
        PortalUser user = currentUser.require();
        MethodDetail method = methods.get(methodId);
        PageRequest request = PageRequest.ofPage(page, size, "activity", false);
        List<Integer> readable = readableRevisions(methodId);
        List<CommentRow> roots = comments.findThreads(methodId, anchored, readable, request.offset(),
                request.limit());
        long total = comments.countThreads(methodId, anchored, readable);
        return new PageResult<>(assemble(roots, method, method.revision().content(), user), total, request.page(),
                request.limit());
    }

    /**
     * The section comments of a method as a reader of revision {@code revisionNumber} sees them:
     * threads anchored to that revision or an earlier one, each marked outdated when that revision
     * has other text in the anchored place.
     */
    public List<CommentThread> sectionThreads(long methodId, int revisionNumber) {
        PortalUser user = currentUser.require();
        MethodDetail method = methods.get(methodId);
        Revision shown = methods.revision(methodId, revisionNumber);
        List<CommentRow> roots = comments.findThreads(methodId, true, readableRevisions(methodId), 0,
                        SECTION_THREADS_MAX).stream()
                .filter(r -> Objects.requireNonNull(r.revisionNumber()) <= revisionNumber)
                .toList();
        return assemble(roots, method, shown.content(), user);
    }

    /** Section comments of a proposal not yet resolved (for the review form), oldest first. */
    public List<VisibleComment> unresolved(long methodId) {
        PortalUser user = currentUser.require();
        MethodDetail method = methods.get(methodId);
        MethodContent latest = method.revision().content();
        List<CommentRow> rows = comments.findUnresolvedAnchored(methodId, readableRevisions(methodId));
        Map<String, MentionedAccount> people = people(rows);
        return rows.stream().map(r -> view(r, 0, method, latest, user, people)).toList();
    }

    /** One comment, if the caller may see its method. */
    public VisibleComment comment(long commentId) {
        PortalUser user = currentUser.require();
        Target target = target(commentId);
        CommentRow row = target.row();
        MethodDetail method = target.method();
        return view(row, 0, method, method.revision().content(), user, people(List.of(row)));
    }

    /** The earlier texts of an edited comment, newest first; only its author and moderators read them. */
    public List<CommentEdit> history(long commentId) {
        PortalUser user = currentUser.require();
        Target target = target(commentId);
        CommentRow row = target.row();
        MethodDetail method = target.method();
        if (row.authorId() != user.id() && !moderates(method, user)) {
            throw PortalException.forbidden("comment.not-allowed");
        }
        return comments.findEdits(commentId).stream()
                .map(e -> new CommentEdit(e.body(), e.editorName(), e.editedAt()))
                .toList();
    }

    // ---- writing

    /**
     * Posts a page comment, a reply or a section comment (with an optional suggestion) and
     * publishes {@link CommentPosted} for watchers and mentions.
     */
    @Transactional
    public VisibleComment post(long methodId, CommentDraft draft) {
        PortalUser user = currentUser.require();
        MethodDetail method = methods.get(methodId);
        String text = checkText(draft.text());
        Instant now = clock.instant();
        CommentRow parent = null;
        Long rootId = null;
        Integer revisionNumber = null;
        String field = null;
        Integer itemIndex = null;
        String anchoredText = null;
        String suggestion = null;
        if (draft.parentId() != null) {
            if (draft.field() != null || draft.revisionNumber() != null || draft.suggestion() != null) {
                throw PortalException.invalid("comment.reply-anchored");
            }
            parent = target(draft.parentId()).row();
            if (parent.methodId() != methodId) {
                throw notFound(draft.parentId());
            }
            if (parent.deleted()) {
                throw PortalException.conflict("comment.parent-deleted");
            }
            rootId = parent.threadId();
        } else if (draft.field() != null || draft.revisionNumber() != null) {
            if (draft.field() == null || draft.revisionNumber() == null) {
                throw PortalException.invalid("comment.anchor-incomplete");
            }
            AnchoredText.check(draft.field(), draft.itemIndex());
            Revision revision = methods.revision(methodId, draft.revisionNumber());
            anchoredText = AnchoredText.in(revision.content(), draft.field(), draft.itemIndex());
            if (anchoredText == null && AnchoredText.isList(draft.field())) {
                throw PortalException.invalid("comment.item-index");
            }
            revisionNumber = draft.revisionNumber();
            field = draft.field().name();
            itemIndex = draft.itemIndex();
            suggestion = checkSuggestion(draft.suggestion(), draft.field(), method);
        } else if (draft.suggestion() != null && !draft.suggestion().isBlank()) {
            throw PortalException.invalid("comment.suggestion-needs-anchor");
        }
        var key = new CommentKey();
        comments.insert(new NewComment(methodId, parent == null ? null : parent.id(), rootId, user.id(), text,
                revisionNumber, field, itemIndex, anchoredText, suggestion, now), key);
        if (rootId != null) {
            comments.touchThread(rootId, now);
        }
        long id = key.getId();
        long target = method.changeOfMethodId() != null ? method.changeOfMethodId() : methodId;
        events.publishEvent(new CommentPosted(id, methodId, method.revision().content().title(), target, user.id(),
                parent == null ? null : parent.authorId(), text, now, field, suggestion != null));
        log.info("comment {} posted on method {} by {}", id, methodId, user.login());
        return reread(id, method, user);
    }

    /** Changes the text of the caller's own comment; the previous text goes to the history and the comment shows 已编辑. */
    @Transactional
    public VisibleComment edit(long commentId, String newText, int expectedVersion) {
        PortalUser user = currentUser.require();
        Target target = target(commentId);
        CommentRow row = target.row();
        MethodDetail method = target.method();
        if (row.authorId() != user.id()) {
            throw PortalException.forbidden("comment.not-author");
        }
        if (row.deleted()) {
            throw notFound(commentId);
        }
        String text = checkText(newText);
        if (text.equals(row.body())) {
            return view(row, 0, method, method.revision().content(), user, people(List.of(row)));
        }
        Instant now = clock.instant();
        if (comments.updateBody(commentId, text, now, expectedVersion) == 0) {
            throw stale(commentId);
        }
        comments.insertEdit(commentId, row.body(), user.id(), now);
        events.publishEvent(new CommentEdited(commentId));
        return reread(commentId, method, user);
    }

    /**
     * Deletes the caller's own comment: one with replies leaves the placeholder 此评论已删除, one
     * without disappears (and so does a placeholder parent left without replies).
     */
    @Transactional
    public void delete(long commentId, int expectedVersion) {
        PortalUser user = currentUser.require();
        CommentRow row = target(commentId).row();
        if (row.authorId() != user.id()) {
            throw PortalException.forbidden("comment.not-author");
        }
        if (row.deleted()) {
            throw notFound(commentId);
        }
        if (comments.countChildren(commentId) > 0) {
            if (comments.markDeleted(commentId, expectedVersion) == 0) {
                throw stale(commentId);
            }
            // The text leaves the page but stays in the history, as the audit trail may need it.
            comments.insertEdit(commentId, row.body(), user.id(), clock.instant());
        } else {
            remove(row, expectedVersion);
        }
        events.publishEvent(new CommentDeleted(commentId, row.methodId()));
        log.info("comment {} deleted by {}", commentId, user.login());
    }

    /** Hides a comment from everyone but moderators and its author, with a reason (moderators only). */
    @Transactional
    public VisibleComment hide(long commentId, String reason, int expectedVersion) {
        PortalUser user = currentUser.require();
        Target target = target(commentId);
        CommentRow row = target.row();
        MethodDetail method = target.method();
        checkModerates(method, user);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw PortalException.invalid("comment.reason-required");
        }
        if (why.length() > REASON_MAX) {
            throw PortalException.invalid("comment.too-long", REASON_MAX);
        }
        if (row.hiddenAt() != null) {
            throw PortalException.conflict("comment.already-hidden");
        }
        if (comments.updateHidden(commentId, clock.instant(), user.id(), why, expectedVersion) == 0) {
            throw stale(commentId);
        }
        events.publishEvent(new CommentHidden(commentId, why));
        log.info("comment {} hidden by {}", commentId, user.login());
        return reread(commentId, method, user);
    }

    /** Shows a hidden comment again (moderators only). */
    @Transactional
    public VisibleComment unhide(long commentId, int expectedVersion) {
        PortalUser user = currentUser.require();
        Target target = target(commentId);
        CommentRow row = target.row();
        MethodDetail method = target.method();
        checkModerates(method, user);
        if (row.hiddenAt() == null) {
            throw PortalException.conflict("comment.not-hidden");
        }
        if (comments.updateHidden(commentId, null, null, null, expectedVersion) == 0) {
            throw stale(commentId);
        }
        events.publishEvent(new CommentUnhidden(commentId));
        return reread(commentId, method, user);
    }

    /** Marks a section comment's thread resolved. */
    @Transactional
    public VisibleComment resolve(long commentId, int expectedVersion) {
        return setResolved(commentId, true, expectedVersion);
    }

    /** Opens a resolved section comment's thread again. */
    @Transactional
    public VisibleComment reopen(long commentId, int expectedVersion) {
        return setResolved(commentId, false, expectedVersion);
    }

    /**
     * Applies a suggested edit: the draft's author saves the next revision with the suggested text
     * in the anchored place, through the method's own save path (so a concurrent save is refused,
     * never overwritten), crediting the suggester in the change note; the thread is resolved.
     * Refused with {@code comment.suggestion-outdated} when the anchored text changed meanwhile.
     */
    @Transactional
    public MethodDetail applySuggestion(long commentId, int expectedVersion) {
        PortalUser user = currentUser.require();
        Target target = target(commentId);
        CommentRow row = target.row();
        MethodDetail method = target.method();
        checkDecides(row, method, user);
        MethodField field = MethodField.valueOf(Objects.requireNonNull(row.field()));
        Revision latest = method.revision();
        String current = AnchoredText.in(latest.content(), field, row.itemIndex());
        if (!Objects.equals(current, row.anchoredText())) {
            throw PortalException.conflict("comment.suggestion-outdated");
        }
        MethodContent changed = AnchoredText.replace(latest.content(), field, row.itemIndex(),
                Objects.requireNonNull(row.suggestion()));
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        String place = messages.getMessage(field.key(), null, zh)
                + (row.itemIndex() == null ? "" : " " + (row.itemIndex() + 1));
        String note = messages.getMessage("comment.suggestion.change-note", new Object[] {row.authorName(), place},
                zh);
        MethodDetail saved = methods.saveRevision(row.methodId(), changed, latest.number(), note);
        if (comments.updateSuggestion(commentId, SuggestionState.APPLIED.name(), clock.instant(), user.id(),
                expectedVersion) == 0) {
            throw stale(commentId);
        }
        events.publishEvent(new SuggestionApplied(commentId, row.methodId(), saved.revision().number()));
        log.info("suggestion {} applied to method {} by {}", commentId, row.methodId(), user.login());
        return saved;
    }

    /** Dismisses a suggested edit without changing the draft; the thread is resolved. */
    @Transactional
    public VisibleComment dismissSuggestion(long commentId, int expectedVersion) {
        PortalUser user = currentUser.require();
        Target target = target(commentId);
        CommentRow row = target.row();
        MethodDetail method = target.method();
        checkDecides(row, method, user);
        if (comments.updateSuggestion(commentId, SuggestionState.DISMISSED.name(), clock.instant(), user.id(),
                expectedVersion) == 0) {
            throw stale(commentId);
        }
        events.publishEvent(new SuggestionDismissed(commentId));
        return reread(commentId, method, user);
    }

    // ---- rules

    private VisibleComment setResolved(long commentId, boolean resolved, int expectedVersion) {
        PortalUser user = currentUser.require();
        Target target = target(commentId);
        CommentRow row = target.row();
        MethodDetail method = target.method();
        if (row.field() == null || row.rootId() != null) {
            throw PortalException.invalid("comment.not-section-comment");
        }
        if (!mayResolve(row, method, user)) {
            throw PortalException.forbidden("comment.not-allowed");
        }
        if ((row.resolvedAt() != null) == resolved) {
            throw PortalException.conflict(resolved ? "comment.already-resolved" : "comment.not-resolved");
        }
        if (comments.updateResolved(commentId, resolved ? clock.instant() : null, resolved ? user.id() : null,
                expectedVersion) == 0) {
            throw stale(commentId);
        }
        events.publishEvent(resolved ? new CommentResolved(commentId) : new CommentReopened(commentId));
        return reread(commentId, method, user);
    }

    private static void checkDecides(CommentRow row, MethodDetail method, PortalUser user) {
        if (row.suggestion() == null || row.suggestionState() == null) {
            throw PortalException.invalid("comment.no-suggestion");
        }
        if (method.ownerId() != user.id()) {
            throw PortalException.forbidden("comment.not-draft-author");
        }
        if (!SuggestionState.PENDING.name().equals(row.suggestionState())) {
            throw PortalException.conflict("comment.suggestion-decided");
        }
    }

    private static boolean moderates(MethodDetail method, PortalUser user) {
        return user.hasRole(Role.ADMIN)
                || user.hasRole(Role.REVIEWER) && user.reviewerDepartmentIds().contains(method.originDepartmentId());
    }

    private static void checkModerates(MethodDetail method, PortalUser user) {
        if (!moderates(method, user)) {
            throw PortalException.forbidden("comment.not-moderator");
        }
    }

    private static boolean mayResolve(CommentRow row, MethodDetail method, PortalUser user) {
        return method.ownerId() == user.id() || row.authorId() == user.id() || moderates(method, user);
    }

    private static String checkText(@Nullable String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw PortalException.invalid("comment.text-required");
        }
        if (stripped.length() > TEXT_MAX) {
            throw PortalException.invalid("comment.too-long", TEXT_MAX);
        }
        return stripped;
    }

    /** Suggestions change drafts and proposals, never a published entry directly (that needs a change request). */
    private static @Nullable String checkSuggestion(@Nullable String suggestion, MethodField field, MethodDetail method) {
        if (suggestion == null || suggestion.isBlank()) {
            return null;
        }
        if (method.status().isPublic()) {
            throw PortalException.invalid("comment.suggestion-on-published");
        }
        String stripped = suggestion.strip();
        int max = AnchoredText.isList(field) ? ITEM_SUGGESTION_MAX : SUGGESTION_MAX;
        if (stripped.length() > max) {
            throw PortalException.invalid("comment.too-long", max);
        }
        return stripped;
    }

    private void remove(CommentRow row, int expectedVersion) {
        comments.deleteEdits(row.id());
        if (comments.delete(row.id(), expectedVersion) == 0) {
            throw stale(row.id());
        }
        // A placeholder whose last reply is gone has nothing left to show.
        Long parentId = row.parentId();
        while (parentId != null) {
            CommentRow parent = comments.findById(parentId).orElse(null);
            if (parent == null || !parent.deleted() || comments.countChildren(parentId) > 0) {
                return;
            }
            comments.deleteEdits(parentId);
            comments.delete(parentId, parent.version());
            parentId = parent.parentId();
        }
    }

    /** A comment and its method, both visible to the caller; otherwise "not found". */
    private record Target(CommentRow row, MethodDetail method) {
    }

    /**
     * Loads a comment the caller may see: its method must be visible, and a section comment (or a
     * reply in its thread) must point at a revision the caller may read, since reviewers' comments
     * on unpublished revisions would otherwise show draft text to every reader once published.
     */
    private Target target(long commentId) {
        CommentRow row = load(commentId);
        MethodDetail method = methods.get(row.methodId());
        CommentRow root = row.rootId() == null ? row : load(row.rootId());
        if (root.revisionNumber() != null && !readableRevisions(method.id()).contains(root.revisionNumber())) {
            throw notFound(commentId);
        }
        return new Target(row, method);
    }

    private List<Integer> readableRevisions(long methodId) {
        return methods.revisions(methodId).stream().map(RevisionSummary::number).toList();
    }

    private CommentRow load(long commentId) {
        return comments.findById(commentId).orElseThrow(() -> notFound(commentId));
    }

    private static PortalException notFound(long commentId) {
        return PortalException.notFound("comment.not-found", commentId);
    }

    private static PortalException stale(long commentId) {
        return PortalException.stale("comment.stale", commentId);
    }

    // ---- views

    private List<CommentThread> assemble(List<CommentRow> roots, MethodDetail method, MethodContent shown,
                                         PortalUser user) {
        if (roots.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CommentRow>> repliesByThread = new LinkedHashMap<>();
        List<CommentRow> all = new ArrayList<>(roots);
        comments.findReplies(roots.stream().map(CommentRow::id).toList()).forEach(r -> {
            repliesByThread.computeIfAbsent(r.threadId(), k -> new ArrayList<>()).add(r);
            all.add(r);
        });
        Map<String, MentionedAccount> people = people(all);
        List<CommentThread> threads = new ArrayList<>();
        for (CommentRow root : roots) {
            Map<Long, Integer> depth = new HashMap<>();
            depth.put(root.id(), 0);
            List<VisibleComment> replies = new ArrayList<>();
            for (CommentRow reply : repliesByThread.getOrDefault(root.id(), List.of())) {
                int d = depth.getOrDefault(reply.parentId(), 0) + 1;
                depth.put(reply.id(), d);
                replies.add(view(reply, d, method, shown, user, people));
            }
            threads.add(new CommentThread(view(root, 0, method, shown, user, people), replies));
        }
        return threads;
    }

    /** The comment as it is now, after a change in this transaction. */
    private VisibleComment reread(long commentId, MethodDetail method, PortalUser user) {
        CommentRow row = load(commentId);
        return view(row, 0, method, method.revision().content(), user, people(List.of(row)));
    }

    /** The accounts the comments' texts mention, looked up at once for their rendering. */
    private Map<String, MentionedAccount> people(List<CommentRow> rows) {
        Set<String> logins = new LinkedHashSet<>();
        rows.stream().filter(r -> r.body() != null).forEach(r -> logins.addAll(Mentions.logins(r.body())));
        return logins.isEmpty() ? Map.of() : accounts.mentionable(logins);
    }

    /** A comment text (an earlier version of one, say) as rendered in its thread, its mentions resolved. */
    public String render(String text) {
        return CommentRenderer.render(text, accounts.mentionable(Mentions.logins(text)));
    }

    private static VisibleComment view(CommentRow r, int depth, MethodDetail method, MethodContent shown,
                                    PortalUser user, Map<String, MentionedAccount> people) {
        boolean moderator = moderates(method, user);
        boolean own = r.authorId() == user.id();
        boolean hidden = r.hiddenAt() != null;
        boolean readable = !r.deleted() && (!hidden || moderator || own);
        CommentAnchor anchor = null;
        boolean outdated = false;
        if (r.field() != null && r.revisionNumber() != null) {
            MethodField field = MethodField.valueOf(r.field());
            anchor = new CommentAnchor(r.revisionNumber(), field, r.itemIndex());
            outdated = !Objects.equals(AnchoredText.in(shown, field, r.itemIndex()), r.anchoredText());
        }
        SuggestionState state = r.suggestionState() == null ? null : SuggestionState.valueOf(r.suggestionState());
        // An applied suggestion changed the text itself; calling it outdated would only confuse.
        outdated = outdated && state != SuggestionState.APPLIED;
        var may = new VisibleComment.Permissions(own && !r.deleted(), own && !r.deleted(), moderator && !r.deleted(),
                anchor != null && r.rootId() == null && !r.deleted() && (method.ownerId() == user.id() || own
                        || moderator),
                state == SuggestionState.PENDING && method.ownerId() == user.id());
        return new VisibleComment(r.id(), r.methodId(), r.parentId(), r.threadId(), depth, r.authorId(), r.authorName(),
                r.authorLogin(), readable ? r.body() : null, readable ? CommentRenderer.render(r.body(), people) : null,
                r.createdAt(), r.editedAt(), r.deleted(), hidden, hidden ? r.hiddenReason() : null, anchor,
                r.anchoredText(), outdated, r.resolvedAt() != null, readable ? r.suggestion() : null, state,
                r.version(), may);
    }
}
