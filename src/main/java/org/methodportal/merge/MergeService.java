package org.methodportal.merge;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.methodportal.merge.MergeDraft.SourceText;
import org.methodportal.merge.MergeEvent.MergeAbandoned;
import org.methodportal.merge.MergeEvent.MergeStarted;
import org.methodportal.merge.MergeEvent.MergeUndone;
import org.methodportal.merge.MergeEvent.SourceUnmerged;
import org.methodportal.merge.persistence.MergeMapper;
import org.methodportal.merge.persistence.MergeSourceRow;
import org.methodportal.method.MergeSource;
import org.methodportal.method.MethodAccess;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodRecords;
import org.methodportal.method.MethodRow;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.Provenance;
import org.methodportal.method.Provenance.MergedInto;
import org.methodportal.method.ProvenanceSource;
import org.methodportal.method.WorkflowAction;
import org.methodportal.method.WorkflowPolicy;
import org.methodportal.proposal.ProposalService;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging (总结提炼): a reviewer folds two or more related raw proposals or entries into one standard
 * entry. A merge is an ordinary proposal plus its list of sources, so it is drafted, submitted,
 * reviewed and approved like any other:
 * <ul>
 * <li>a new standard draft, owned by the reviewer who starts it, with the origin (so the reviewers)
 * of the first source that reviewer reviews; or a change request on an existing published entry,
 * with that entry's origin;</li>
 * <li>the starter owns the proposal, so the self-review rule makes another reviewer approve it;</li>
 * <li>on approval ({@link ProposalService#approve}, same transaction) each source becomes
 * {@link MethodStatus#MERGED_INTO}: read-only, out of default search, still readable by URL;</li>
 * <li>an admin's unmerge gives every source its previous status back. A standard entry that the
 * merge created is archived (not deleted, not back to draft: it was reviewed and may have been
 * linked to; an archived entry stays readable and can be restored); a change-request merge leaves
 * its target's reviewed revision in place.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class MergeService implements ProvenanceSource {

    static final int SOURCES_MAX = 10;
    static final int REASON_MAX = 500;

    private static final Logger log = LoggerFactory.getLogger(MergeService.class);

    private final MergeMapper merges;
    private final MergeRecords mergeRecords;
    private final MethodRecords records;
    private final MethodService methodService;
    private final ProposalService proposals;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MergeService(MergeMapper merges, MergeRecords mergeRecords, MethodRecords records,
                 MethodService methodService, ProposalService proposals, CurrentUser currentUser,
                 ApplicationEventPublisher events, Clock clock) {
        this.merges = merges;
        this.mergeRecords = mergeRecords;
        this.records = records;
        this.methodService = methodService;
        this.proposals = proposals;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts a merge of {@code sourceIds} (in that order): a new standard draft whose first revision
     * is the first source's text, or, with {@code targetMethodId}, a change request on that published
     * entry starting from its text. Sources must be methods the caller reviews (admins: any), not
     * change requests, not merged already and in no other open merge; at least two, or one besides a
     * target.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public MethodDetail start(List<Long> sourceIds, @Nullable Long targetMethodId) {
        PortalUser user = currentUser.require();
        Set<Long> ids = new LinkedHashSet<>(sourceIds.stream().filter(Objects::nonNull).toList());
        if (targetMethodId != null && ids.contains(targetMethodId)) {
            throw PortalException.invalid("merge.target-is-source", targetMethodId);
        }
        if (ids.size() + (targetMethodId == null ? 0 : 1) < 2) {
            throw PortalException.invalid("merge.too-few-sources");
        }
        if (ids.size() > SOURCES_MAX) {
            throw PortalException.invalid("merge.too-many-sources", SOURCES_MAX);
        }
        // Lock sources and target in id order, so two reviewers starting merges of the same methods
        // queue instead of deadlocking.
        Set<Long> locked = new TreeSet<>(ids);
        if (targetMethodId != null) {
            locked.add(targetMethodId);
        }
        locked.forEach(id -> records.lockVersion(id).orElseThrow(() -> sourceNotFound(id)));
        List<MethodRow> sources = ids.stream().map(id -> checkSource(id, user)).toList();
        MethodRow target = targetMethodId == null ? null : checkTarget(targetMethodId, user);
        Instant now = clock.instant();
        long mergeId = target == null ? insertDraft(sources, user, now) : insertChangeRequest(target, user, now);
        for (int i = 0; i < sources.size(); i++) {
            MethodRow source = sources.get(i);
            merges.insertSource(mergeId, source.id(), i, source.status(), shownRevision(source));
        }
        MethodRow merge = records.load(mergeId);
        long standardId = target == null ? mergeId : target.id();
        events.publishEvent(new MergeStarted(mergeId, mergeId, standardId,
                records.revision(mergeId, 1).content().title(), merge.status(), merge.ownerId(), user.id()));
        log.info("merge {} of {} started by {}{}", mergeId, ids, user.login(),
                target == null ? "" : " into method " + target.id());
        return records.view(merge, merge.latestRevisionNumber());
    }

    /** The merge proposal with the texts of its sources, for the compose page; 404 for what is no merge. */
    public MergeDraft draft(long mergeId) {
        PortalUser user = currentUser.require();
        MethodDetail merge = methodService.get(mergeId);
        List<MergeSourceRow> rows = mergeRecords.sources(mergeId);
        if (rows.isEmpty()) {
            throw PortalException.notFound("merge.not-found", mergeId);
        }
        List<SourceText> texts = new ArrayList<>();
        for (MergeSourceRow row : rows) {
            MethodRow source = records.load(row.sourceMethodId());
            if (MethodAccess.maySee(source, user)) {
                // While the merge is open, the source's text as it is now (its author may still improve
                // it); once applied, the revision that was merged.
                int shown = row.appliedAt() != null ? row.sourceRevision() : shownRevision(source, user);
                texts.add(new SourceText(source.id(), source.status(), records.revision(source.id(), shown)));
            }
        }
        SourceText target = null;
        if (merge.changeOfMethodId() != null) {
            MethodRow row = records.load(merge.changeOfMethodId());
            if (row.publishedRevisionNumber() != null) {
                target = new SourceText(row.id(), row.status(), records.revision(row.id(), row.publishedRevisionNumber()));
            }
        }
        List<@Nullable Instant> mergedAt = rows.stream().map(MergeSourceRow::appliedAt).toList();
        return new MergeDraft(merge, texts, target, permissions(merge, mergedAt, user));
    }

    /** Saves the composed text as a new revision of the merge proposal (its owner), as a proposal save does. */
    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public MethodDetail compose(long mergeId, MethodContent content, int baseRevision, @Nullable String changeNote) {
        requireMerge(mergeId);
        return methodService.saveRevision(mergeId, content, baseRevision, changeNote);
    }

    /** Submits the merge proposal for review by another reviewer (its owner may not review it). */
    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public MethodDetail submit(long mergeId, int revision) {
        requireMerge(mergeId);
        return proposals.submit(mergeId, revision);
    }

    /**
     * Its owner gives up a merge that is still being drafted: the proposal is closed as REJECTED
     * (kept, like any rejected proposal) and its sources are free for another merge.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public MethodDetail abandon(long mergeId) {
        PortalUser user = currentUser.require();
        requireMerge(mergeId);
        int version = records.lockVersion(mergeId).orElseThrow(() -> MethodRecords.notFound(mergeId));
        MethodRow merge = records.load(mergeId);
        // The same rule as saving: only the owner, only while drafting.
        WorkflowPolicy.check(WorkflowAction.SAVE, merge.status(), merge.isChangeRequest(),
                MethodAccess.actor(merge, user));
        if (merge.ownerId() != user.id()) {
            throw PortalException.forbidden("workflow.owner-only");
        }
        if (records.updateStatus(mergeId, MethodStatus.REJECTED, clock.instant(), version) == 0) {
            throw PortalException.stale("proposal.stale", mergeId);
        }
        long standardId = merge.changeOfMethodId() != null ? merge.changeOfMethodId() : mergeId;
        events.publishEvent(new MergeAbandoned(mergeId, mergeId, standardId,
                shownTitle(merge, user), MethodStatus.REJECTED, merge.ownerId(), user.id()));
        return methodService.get(mergeId);
    }

    /**
     * Turns a merge drafted as a new standard entry into a merge into the existing published entry
     * {@code targetMethodId} (a change request), keeping the composed text: the draft is closed as
     * abandoned and a change-request merge of the same sources starts with {@code content} as its
     * second revision. All or nothing: an invalid text or target leaves the draft as it was.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public MethodDetail mergeIntoExisting(long mergeId, long targetMethodId, MethodContent content,
                                        @Nullable String changeNote) {
        List<Long> sourceIds = mergeRecords.sources(mergeId).stream().map(MergeSourceRow::sourceMethodId).toList();
        if (methodService.get(mergeId).isChangeRequest()) {
            throw PortalException.conflict("merge.already-into-existing", mergeId);
        }
        abandon(mergeId);
        MethodDetail started = start(sourceIds, targetMethodId);
        return methodService.saveRevision(started.id(), content, started.latestRevision(), changeNote);
    }

    /** Whether this method or proposal is a merge proposal (one the caller may see). */
    public boolean isMerge(long methodId) {
        methodService.get(methodId);
        return mergeRecords.isMerge(methodId);
    }

    /**
     * The sources merged into a method that the caller may see, and, for a merged-away source, the
     * standard entry it went into. A merge proposal in progress lists its sources too.
     */
    @Override
    public Provenance provenance(long methodId) {
        PortalUser user = currentUser.require();
        MethodDetail method = methodService.get(methodId);
        List<MergeSourceRow> rows = new ArrayList<>(merges.findProvenance(methodId));
        boolean open = MethodStatus.EDITABLE.contains(method.status()) || method.status() == MethodStatus.IN_REVIEW;
        if (rows.isEmpty() && open) {
            rows.addAll(mergeRecords.sources(methodId));
        }
        List<MergeSource> sources = rows.stream()
                .filter(r -> MethodAccess.maySee(records.load(r.sourceMethodId()), user))
                .map(r -> new MergeSource(r.sourceMethodId(), r.title(), r.status(), r.previousStatus(),
                        r.sourceRevision(), r.mergeMethodId(), r.appliedAt()))
                .toList();
        MergedInto into = null;
        if (method.status() == MethodStatus.MERGED_INTO) {
            into = merges.findActiveBySource(methodId).stream().filter(MergeSourceRow::isApplied).findFirst()
                    .map(r -> records.load(r.standardMethodId()))
                    .filter(standard -> MethodAccess.maySee(standard, user))
                    .map(standard -> new MergedInto(standard.id(), shownTitle(standard, user)))
                    .orElse(null);
        }
        return new Provenance(sources, into);
    }

    /**
     * {@link #provenance} with what the caller may do about merging on the method's page. Reviewers
     * and admins may start a merge from a method that can be a source, the reviewer who started an
     * open merge composes it, admins undo applied merges; the writing calls check again.
     */
    public MergeOverview overview(long methodId) {
        PortalUser user = currentUser.require();
        MethodDetail method = methodService.get(methodId);
        Provenance provenance = provenance(methodId);
        return new MergeOverview(provenance, permissions(method, provenance.sources().stream()
                .map(MergeSource::mergedAt).toList(), user));
    }

    /**
     * The merge rules for the buttons of a page, from the method and when each of its sources was
     * merged (null: not yet): reviewers and admins may start a merge from a method that can be a
     * source, the reviewer who started an open merge composes it, admins undo applied merges.
     */
    private static MergePermissions permissions(MethodDetail method, List<@Nullable Instant> sourcesMergedAt,
                                                PortalUser user) {
        boolean reviewer = user.hasRole(Role.REVIEWER) || user.hasRole(Role.ADMIN);
        boolean mayMerge = reviewer && !method.isChangeRequest() && method.status() != MethodStatus.MERGED_INTO
                && method.status() != MethodStatus.MERGED;
        boolean openMerge = MethodStatus.EDITABLE.contains(method.status()) && !sourcesMergedAt.isEmpty()
                && sourcesMergedAt.stream().allMatch(Objects::isNull);
        boolean mayCompose = openMerge && reviewer && method.ownerId() == user.id();
        boolean mayUnmerge = user.hasRole(Role.ADMIN) && sourcesMergedAt.stream().anyMatch(Objects::nonNull);
        return new MergePermissions(mayMerge, mayCompose, mayUnmerge);
    }

    /**
     * Undoes every applied merge into the standard entry {@code methodId} (admins, with a reason):
     * sources back to their previous status, a standard entry created by the merge archived. Audited
     * per source and for the entry; the search index follows the events.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public MethodDetail unmerge(long methodId, @Nullable String reason) {
        PortalUser user = currentUser.require();
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty()) {
            throw PortalException.invalid("merge.reason-required");
        }
        if (why.length() > REASON_MAX) {
            throw PortalException.invalid("method.too-long", "reason", REASON_MAX);
        }
        int standardVersion = records.lockVersion(methodId).orElseThrow(() -> MethodRecords.notFound(methodId));
        List<MergeSourceRow> applied = merges.findProvenance(methodId);
        if (applied.isEmpty()) {
            throw PortalException.conflict("merge.nothing-to-undo", methodId);
        }
        Instant now = clock.instant();
        Set<Long> mergeIds = new LinkedHashSet<>();
        for (MergeSourceRow source : applied) {
            long id = source.sourceMethodId();
            int version = records.lockVersion(id).orElseThrow(() -> MethodRecords.notFound(id));
            if (records.updateStatus(id, source.previousStatus(), now, version) == 0) {
                throw PortalException.stale("proposal.stale", id);
            }
            mergeIds.add(source.mergeMethodId());
            events.publishEvent(new SourceUnmerged(id, source.mergeMethodId(), methodId,
                    source.title(), source.previousStatus(), source.ownerId(), user.id(), why));
        }
        mergeIds.forEach(mergeId -> merges.markUndone(mergeId, now));
        MethodRow standard = records.load(methodId);
        boolean createdByMerge = mergeIds.contains(methodId);
        if (createdByMerge && standard.status() == MethodStatus.PUBLISHED) {
            if (records.updateStatus(methodId, MethodStatus.ARCHIVED, now, standardVersion) == 0) {
                throw PortalException.stale("proposal.stale", methodId);
            }
        }
        MethodRow after = records.load(methodId);
        events.publishEvent(new MergeUndone(methodId, methodId, methodId,
                shownTitle(after, user), after.status(), after.ownerId(), user.id(), why));
        log.info("merges {} into method {} undone by {}", mergeIds, methodId, user.login());
        return methodService.get(methodId);
    }

    // ---- rules

    private void requireMerge(long mergeId) {
        methodService.get(mergeId);
        if (!mergeRecords.isMerge(mergeId)) {
            throw PortalException.notFound("merge.not-found", mergeId);
        }
    }

    private MethodRow checkSource(long id, PortalUser user) {
        MethodRow source = reviewable(id, user);
        if (source.isChangeRequest()) {
            throw PortalException.invalid("merge.source-is-change-request", id);
        }
        if (source.status() == MethodStatus.MERGED_INTO || source.status() == MethodStatus.MERGED) {
            throw PortalException.conflict("merge.source-merged", id);
        }
        checkNotInMerge(id);
        return source;
    }

    private MethodRow checkTarget(long id, PortalUser user) {
        MethodRow target = reviewable(id, user);
        if (target.isChangeRequest() || target.status() != MethodStatus.PUBLISHED) {
            throw PortalException.conflict("merge.target-not-published", id);
        }
        checkNotInMerge(id);
        return target;
    }

    /** A method the caller may see and reviews (admins: any): only those may take part in a merge. */
    private MethodRow reviewable(long id, PortalUser user) {
        MethodRow method = records.load(id);
        if (!MethodAccess.maySee(method, user)) {
            throw sourceNotFound(id);
        }
        if (!user.hasRole(Role.ADMIN) && !MethodAccess.reviews(method, user)) {
            throw PortalException.forbidden("merge.not-reviewer", id);
        }
        return method;
    }

    private void checkNotInMerge(long id) {
        List<MergeSourceRow> active = merges.findActiveBySource(id);
        if (!active.isEmpty()) {
            throw PortalException.conflict("merge.source-in-merge", id, active.getFirst().mergeMethodId());
        }
    }

    private static PortalException sourceNotFound(long id) {
        return PortalException.notFound("merge.source-not-found", id);
    }

    // ---- writing

    /** A new draft owned by the reviewer, with the origin of the first source they review (admins: the first). */
    private long insertDraft(List<MethodRow> sources, PortalUser user, Instant now) {
        MethodRow origin = sources.stream()
                .filter(s -> user.hasRole(Role.ADMIN) || MethodAccess.reviews(s, user)).findFirst()
                .orElse(sources.getFirst());
        MethodRow first = sources.getFirst();
        return insertProposal(origin, null, records.revision(first.id(), shownRevision(first)).content(), user, now);
    }

    /** A change request on the target, starting from its published text, as {@link ProposalService#proposeChange}. */
    private long insertChangeRequest(MethodRow target, PortalUser user, Instant now) {
        MethodContent content = records.revision(target.id(), Objects.requireNonNull(target.publishedRevisionNumber()))
                .content();
        return insertProposal(target, target, content, user, now);
    }

    /** The merge proposal with the origin of {@code origin} and its first revision; a change request when {@code target}. */
    private long insertProposal(MethodRow origin, @Nullable MethodRow target, MethodContent text, PortalUser user,
                                Instant now) {
        return records.insertProposal(origin, target, MethodService.validate(text), user.id(), now, null);
    }

    private static int shownRevision(MethodRow method) {
        return method.publishedRevisionNumber() != null ? method.publishedRevisionNumber()
                : method.latestRevisionNumber();
    }

    /** The revision of a method this user reads: the latest for those who may see unpublished work. */
    private static int shownRevision(MethodRow method, PortalUser user) {
        return MethodAccess.maySeeUnpublished(method, user) || method.publishedRevisionNumber() == null
                ? method.latestRevisionNumber() : method.publishedRevisionNumber();
    }

    private String shownTitle(MethodRow method, PortalUser user) {
        return records.revision(method.id(), shownRevision(method, user)).content().title();
    }
}
