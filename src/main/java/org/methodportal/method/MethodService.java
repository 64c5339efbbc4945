package org.methodportal.method;

import org.methodportal.method.diff.RevisionDiff;
import org.methodportal.method.diff.MethodDiff;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.AccountService;
import org.methodportal.account.Branch;
import org.methodportal.account.OrganisationService;
import org.methodportal.method.MethodRevisionEvent.MethodCreated;
import org.methodportal.method.MethodRevisionEvent.MethodRevised;
import org.methodportal.method.persistence.AdoptingBranches;
import org.methodportal.method.persistence.GeneratedKey;
import org.methodportal.method.persistence.MethodDraftMapper;
import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.method.persistence.MethodQuery;
import org.methodportal.method.persistence.NewMethod;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.LikePattern;
import org.methodportal.shared.ListTotal;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work methods as wiki pages: drafting, immutable revisions, reading and browsing.
 * Visibility: drafts and unpublished proposals are visible only to their owner, to
 * reviewers of the origin department and to admins; published and archived methods to every
 * signed-in user. The rule is checked here and repeated in the browse SQL. A method someone may
 * not see is reported as not found, so that its existence is not revealed.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class MethodService {

    static final int TITLE_MAX = 100;
    static final int SUMMARY_MAX = 500;
    static final int TEXT_MAX = 10_000;
    static final int ITEM_MAX = 2_000;
    static final int ITEMS_MAX = 50;
    static final int TAG_MAX = 40;
    static final int TAGS_MAX = 20;
    static final int BODY_MAX = 100_000;
    static final int CHANGE_NOTE_MAX = 500;
    static final int WORKING_COPY_MAX = 500_000;

    private static final Logger log = LoggerFactory.getLogger(MethodService.class);

    private final MethodMapper methods;
    private final MethodRecords records;
    private final MethodDraftMapper workingCopies;
    private final OrganisationService organisation;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MethodService(MethodMapper methods, MethodRecords records, MethodDraftMapper workingCopies,
                  OrganisationService organisation, AccountService accounts, CurrentUser currentUser,
                  ApplicationEventPublisher events, Clock clock) {
        this.methods = methods;
        this.records = records;
        this.workingCopies = workingCopies;
        this.organisation = organisation;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a method in status DRAFT with its first revision, owned by the caller. The origin is
     * the caller's own branch; only administrators may name another one (a branch given alone
     * determines the department).
     */
    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARY', 'REVIEWER', 'ADMIN')")
    public MethodDetail createDraft(MethodContent content, @Nullable Long originDepartmentId,
                                  @Nullable Long originBranchId, @Nullable String changeNote) {
        PortalUser user = currentUser.require();
        MethodContent clean = validate(content);
        String note = validateChangeNote(changeNote);
        Branch branch = organisation.branch(originBranch(user, originBranchId));
        if (originDepartmentId != null && originDepartmentId != branch.departmentId()) {
            throw PortalException.invalid("method.branch-mismatch");
        }
        Instant now = clock.instant();
        var methodKey = new GeneratedKey();
        methods.insert(new NewMethod(null, clean.category(), branch.departmentId(), branch.id(), user.id(),
                MethodStatus.DRAFT, null, now), methodKey);
        long methodId = methodKey.getId();
        long revisionId = records.insertRevision(methodId, 1, null, clean, user.id(), now, note, MethodStatus.DRAFT);
        methods.updateLatestRevision(methodId, revisionId, clean.category(), now, 0);
        workingCopies.delete(null, user.id());
        events.publishEvent(new MethodCreated(methodId, clean.title(), user.id(), user.id(), false));
        log.info("method {} created by {}", methodId, user.login());
        return view(records.load(methodId), user);
    }

    /** The origin the editor proposes for a new draft of the caller, and whether they may change it. */
    public DraftOrigin draftOrigin() {
        PortalUser user = currentUser.require();
        return new DraftOrigin(user.departmentId(), user.branchId(), user.hasRole(Role.ADMIN));
    }

    /**
     * A proposal speaks for its author's branch: a secretary or reviewer naming another branch (in
     * another department or not) is refused rather than silently re-labelled, so an API client learns it.
     */
    private static long originBranch(PortalUser user, @Nullable Long requested) {
        if (requested == null || requested == user.branchId()) {
            return user.branchId();
        }
        if (!user.hasRole(Role.ADMIN)) {
            log.warn("{} tried to file a draft under branch {} (own branch {})", user.login(), requested,
                    user.branchId());
            throw PortalException.forbidden("method.origin-own-branch");
        }
        return requested;
    }

    /**
     * Saves a new immutable revision of a draft. {@code baseRevision} is the revision the editor
     * started from; when someone saved in between, nothing is written and a
     * {@link MethodStaleException} names the latest revision.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARY', 'REVIEWER', 'ADMIN')")
    public MethodDetail saveRevision(long methodId, MethodContent content, int baseRevision,
                                   @Nullable String changeNote) {
        PortalUser user = currentUser.require();
        MethodContent clean = validate(content);
        String note = validateChangeNote(changeNote);
        // Saves of one method queue here, so "latest == base" stays true until this one commits.
        int version = methods.lockVersion(methodId).orElseThrow(() -> MethodRecords.notFound(methodId));
        MethodRow method = records.load(methodId);
        checkMaySave(method, user);
        if (method.latestRevisionNumber() != baseRevision) {
            log.warn("stale save of method {} by {}: base {}, latest {}", methodId, user.login(), baseRevision,
                    method.latestRevisionNumber());
            throw new MethodStaleException(methodId, baseRevision, method.latestRevisionNumber());
        }
        int number = baseRevision + 1;
        Instant now = clock.instant();
        long revisionId;
        try {
            revisionId = records.insertRevision(methodId, number, method.latestRevisionId(), clean, user.id(), now, note,
                    method.status());
        } catch (DuplicateKeyException e) {
            // Only possible if a writer bypassed the row lock; the unique (method_id, n) still holds.
            throw new MethodStaleException(methodId, baseRevision, number);
        }
        if (methods.updateLatestRevision(methodId, revisionId, clean.category(), now, version) == 0) {
            throw new MethodStaleException(methodId, baseRevision, number);
        }
        workingCopies.delete(methodId, user.id());
        events.publishEvent(new MethodRevised(methodId, number, clean.title()));
        log.info("method {} revision {} saved by {}", methodId, number, user.login());
        return view(records.load(methodId), user);
    }

    /** The method page: the latest revision for those who may see unpublished work, else the published one. */
    public MethodDetail get(long methodId) {
        PortalUser user = currentUser.require();
        return view(visible(methodId, user), user);
    }

    /**
     * Which of these accounts may see the method under the same rules as {@link #get}, for telling
     * other people about it (notifications, mentions): disabled accounts and an unknown method give
     * none. The caller learns nothing they could not learn from their own view of the method only if
     * they may see it themselves, so listeners call this for methods their actor just acted on.
     */
    public Set<Long> whoMaySee(long methodId, Collection<Long> accountIds) {
        Optional<MethodRow> method = methods.findById(methodId);
        if (method.isEmpty() || accountIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> allowed = new LinkedHashSet<>();
        accounts.enabledPrincipals(accountIds).stream().filter(u -> MethodAccess.maySee(method.get(), u))
                .forEach(u -> allowed.add(u.id()));
        return allowed;
    }

    /** The id of the method imported under this source id ({@code externalId}), if the caller may see it. */
    public Optional<Long> idByExternalId(String externalId) {
        PortalUser user = currentUser.require();
        return methods.findIdByExternalId(externalId)
                .filter(id -> MethodAccess.maySee(records.load(id), user));
    }

    /** One revision; readers without access to unpublished work see only revisions that were published. */
    public Revision revision(long methodId, int number) {
        PortalUser user = currentUser.require();
        MethodRow method = visible(methodId, user);
        if (!MethodAccess.maySeeUnpublished(method, user)
                && !methods.findPublishedRevisionNumbers(methodId).contains(number)) {
            throw PortalException.notFound("method.revision-not-found", methodId, number);
        }
        return records.revision(methodId, number);
    }

    /** The differences between two revisions the caller may read, field by field in domain order. */
    public RevisionDiff diff(long methodId, int from, int to) {
        return MethodDiff.between(revision(methodId, from).content(), revision(methodId, to).content());
    }

    /** The history of a method, newest first. */
    public List<RevisionSummary> revisions(long methodId) {
        PortalUser user = currentUser.require();
        MethodRow method = visible(methodId, user);
        return methods.findRevisions(methodId, !MethodAccess.maySeeUnpublished(method, user)).stream()
                .map(r -> new RevisionSummary(r.methodId(), r.number(), r.baseNumber(), r.title(), r.authorId(),
                        r.authorName(), r.createdAt(), r.changeNote(), r.statusAtCreation()))
                .toList();
    }

    /**
     * A page of the methods the caller may see; sort keys updatedAt (default), createdAt, title,
     * category, status, department, adoptions (branches using it now).
     */
    public List<MethodSummary> find(MethodFilter filter, PageRequest page) {
        return methods.findPage(query(filter, currentUser.require()), page.sortKey(), page.ascending(), page.offset(),
                page.limit());
    }

    /** How many methods of the filter the caller may see, exact up to {@link ListTotal#EXACT_UP_TO}. */
    public ListTotal count(MethodFilter filter) {
        return count(query(filter, currentUser.require()));
    }

    private ListTotal count(MethodQuery query) {
        return ListTotal.counted(methods.count(query, ListTotal.countLimit()));
    }

    public PageResult<MethodSummary> browse(MethodFilter filter, PageRequest page) {
        return new PageResult<>(find(filter, page), count(filter), page.page(), page.limit());
    }

    /** The caller's own proposals that are still being drafted (DRAFT or CHANGES_REQUESTED), change requests included. */
    public PageResult<MethodSummary> myDrafts(PageRequest page) {
        return myProposals(List.copyOf(MethodStatus.EDITABLE), page);
    }

    /** The caller's own methods and change requests in the given statuses (empty: any), newest first by default. */
    public PageResult<MethodSummary> myProposals(List<MethodStatus> statuses, PageRequest page) {
        PortalUser user = currentUser.require();
        var query = new MethodQuery(null, null, statuses, null, user.id(), null, user.id(),
                user.hasRole(Role.ADMIN), List.copyOf(user.reviewerDepartmentIds()), true, false);
        return new PageResult<>(methods.findPage(query, page.sortKey(), page.ascending(), page.offset(), page.limit()),
                count(query), page.page(), page.limit());
    }

    /** Tags of published methods containing {@code text}, most used first, for the editor's suggestions. */
    public List<String> suggestTags(String text, int limit) {
        String pattern = LikePattern.contains(text);
        return pattern == null ? List.of() : methods.findPublishedTagsLike(pattern, Math.clamp(limit, 1, 50));
    }

    /**
     * Autosaves the open editor's state, overwriting the caller's previous working copy of that
     * method ({@code methodId} null: a method not saved yet). Never touches a revision.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARY', 'REVIEWER', 'ADMIN')")
    public WorkingCopy saveWorkingCopy(@Nullable Long methodId, @Nullable Integer baseRevision, String content) {
        PortalUser user = currentUser.require();
        if (content.length() > WORKING_COPY_MAX) {
            throw PortalException.invalid("method.too-long", "workingCopy", WORKING_COPY_MAX);
        }
        if (methodId != null) {
            checkMaySave(records.load(methodId), user);
        }
        Instant now = clock.instant();
        if (workingCopies.update(methodId, user.id(), baseRevision, content, now) == 0) {
            workingCopies.insert(methodId, user.id(), baseRevision, content, now);
        }
        return new WorkingCopy(methodId, baseRevision, content, now);
    }

    /** The caller's autosaved working copy of a method ({@code methodId} null: of a new method), if any. */
    public Optional<WorkingCopy> workingCopy(@Nullable Long methodId) {
        return workingCopies.find(methodId, currentUser.require().id());
    }

    @Transactional
    public void discardWorkingCopy(@Nullable Long methodId) {
        workingCopies.delete(methodId, currentUser.require().id());
    }

    // ---- rules

    /**
     * Refuses, as {@link #saveRevision} would, when the caller may not save a revision of this
     * method now; for decisions that follow the same rule (what a draft keeps of the glossary).
     */
    public void checkMaySave(long methodId) {
        checkMaySave(records.load(methodId), currentUser.require());
    }

    /** Only the owner (or an admin) saves a proposal, and only while it is being drafted. */
    static void checkMaySave(MethodRow method, PortalUser user) {
        if (!MethodAccess.maySee(method, user)) {
            throw MethodRecords.notFound(method.id());
        }
        WorkflowPolicy.check(WorkflowAction.SAVE, method.status(), method.isChangeRequest(),
                MethodAccess.actor(method, user));
    }

    private MethodRow visible(long methodId, PortalUser user) {
        MethodRow method = records.load(methodId);
        if (!MethodAccess.maySee(method, user)) {
            throw MethodRecords.notFound(methodId);
        }
        return method;
    }

    private static MethodQuery query(MethodFilter filter, PortalUser user) {
        Long owner = filter.mine() ? Long.valueOf(user.id()) : filter.ownerId();
        String tag = filter.tag() == null || filter.tag().isBlank() ? null : filter.tag().strip();
        return new MethodQuery(filter.category(), filter.departmentId(),
                filter.status() == null ? List.of() : List.of(filter.status()), tag, owner,
                LikePattern.contains(filter.text()), user.id(), user.hasRole(Role.ADMIN),
                List.copyOf(user.reviewerDepartmentIds()), false, filter.adopted());
    }

    /**
     * A branch started (+1) or stopped (-1) using the method, in the caller's transaction; the
     * adoption module calls it and publishes the event that re-indexes the method.
     */
    @Transactional
    public void countAdoption(long methodId, int delta) {
        methods.addAdoptingBranches(methodId, delta);
    }

    /**
     * How many branches use each of these methods now, for the published and archived ones (the
     * public statuses, which are the only ones adopted); others are left out.
     */
    public Map<Long, Integer> adoptingBranches(Collection<Long> ids) {
        currentUser.require();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return methods.findAdoptingBranches(List.copyOf(new LinkedHashSet<>(ids))).stream()
                .collect(Collectors.toMap(AdoptingBranches::id, AdoptingBranches::branches));
    }

    // ---- reading

    private MethodDetail view(MethodRow method, PortalUser user) {
        Integer shown = MethodAccess.maySeeUnpublished(method, user) ? Integer.valueOf(method.latestRevisionNumber())
                : method.publishedRevisionNumber();
        if (shown == null) {
            throw MethodRecords.notFound(method.id());
        }
        return records.view(method, shown);
    }

    // ---- validation

    /**
     * Trims every field, drops blank list entries and duplicate tags, and checks the rules of the
     * editor: title, category, problem and at least one measure or step are required.
     * The first argument of a length or count error names the field, for the form to place it.
     */
    public static MethodContent validate(MethodContent content) {
        String title = trim(content.title());
        if (title == null) {
            throw PortalException.invalid("method.title-required");
        }
        checkLength("title", title, TITLE_MAX);
        // Declared non-null, but forms and JSON bodies can still leave it empty.
        if (content.category() == null) {
            throw PortalException.invalid("method.category-required");
        }
        String problem = trim(content.problem());
        if (problem == null) {
            throw PortalException.invalid("method.problem-required");
        }
        checkLength("problem", problem, TEXT_MAX);
        List<String> measures = items("measures", content.measures(), ITEM_MAX);
        List<String> steps = items("steps", content.steps(), ITEM_MAX);
        if (measures.isEmpty() && steps.isEmpty()) {
            throw PortalException.invalid("method.measure-or-step-required");
        }
        List<String> tags = List.copyOf(new LinkedHashSet<>(items("tags", content.tags(), TAG_MAX)));
        if (tags.size() > TAGS_MAX) {
            throw PortalException.invalid("method.too-many-items", "tags", TAGS_MAX);
        }
        return new MethodContent(title, optional("summary", content.summary(), SUMMARY_MAX), content.category(),
                problem, optional("concept", content.concept(), TEXT_MAX), measures, steps,
                optional("outcomes", content.outcomes(), TEXT_MAX),
                optional("applicability", content.applicability(), TEXT_MAX), tags,
                optional("body", content.body(), BODY_MAX));
    }

    public static @Nullable String validateChangeNote(@Nullable String note) {
        return optional("changeNote", note, CHANGE_NOTE_MAX);
    }

    private static List<String> items(String field, @Nullable List<String> values, int max) {
        if (values == null) {
            return List.of();
        }
        List<String> kept = values.stream().map(MethodService::trim).filter(Objects::nonNull).toList();
        if (kept.size() > ITEMS_MAX) {
            throw PortalException.invalid("method.too-many-items", field, ITEMS_MAX);
        }
        kept.forEach(v -> checkLength(field, v, max));
        return kept;
    }

    private static @Nullable String optional(String field, @Nullable String value, int max) {
        String trimmed = trim(value);
        if (trimmed != null) {
            checkLength(field, trimmed, max);
        }
        return trimmed;
    }

    private static void checkLength(String field, String value, int max) {
        if (value.length() > max) {
            throw PortalException.invalid("method.too-long", field, max);
        }
    }

    private static @Nullable String trim(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
