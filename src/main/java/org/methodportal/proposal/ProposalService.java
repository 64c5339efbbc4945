package org.methodportal.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodAccess;
import org.methodportal.method.MethodContent;
import org.methodportal.method.diff.MethodDiff;
import org.methodportal.method.MethodRecords;
import org.methodportal.method.MethodRevisionEvent.MethodRevised;
import org.methodportal.method.MethodRow;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStaleException;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.PublicationSource;
import org.methodportal.method.Revision;
import org.methodportal.method.WorkflowAction;
import org.methodportal.method.WorkflowPolicy;
import org.methodportal.proposal.WorkflowEvent.ChangeProposed;
import org.methodportal.proposal.WorkflowEvent.ChangesRequested;
import org.methodportal.proposal.WorkflowEvent.MethodArchived;
import org.methodportal.proposal.WorkflowEvent.MethodPublished;
import org.methodportal.proposal.WorkflowEvent.MethodRestored;
import org.methodportal.proposal.WorkflowEvent.ProposalRebased;
import org.methodportal.proposal.WorkflowEvent.ProposalRejected;
import org.methodportal.proposal.WorkflowEvent.ProposalSubmitted;
import org.methodportal.proposal.WorkflowEvent.ProposalWithdrawn;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow of design §2 on proposals: a new method in its drafting statuses, or a change
 * request (修改提案), which is a method row of its own naming its target, so that the target's page
 * keeps showing the published revision until the change is approved. Every transition locks the
 * row, checks {@link WorkflowPolicy}, changes the status in one transaction and publishes a
 * {@link WorkflowEvent} (audit, notifications, search follow it).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ProposalService {

    private static final Logger log = LoggerFactory.getLogger(ProposalService.class);

    /** The statuses of a change request that is still open (being drafted or in review). */
    private static final List<MethodStatus> OPEN =
            List.of(MethodStatus.DRAFT, MethodStatus.IN_REVIEW, MethodStatus.CHANGES_REQUESTED);

    private final MethodRecords records;
    private final ObjectProvider<ApprovalStep> approvalSteps;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageSource messages;

    ProposalService(MethodRecords records, ObjectProvider<ApprovalStep> approvalSteps,
                    CurrentUser currentUser,
                    ApplicationEventPublisher events, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.records = records;
        this.approvalSteps = approvalSteps;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Submits the proposal for review; {@code revision} is the revision the author saw, so that a
     * newer save by someone else is not submitted unseen.
     */
    @Transactional
    public MethodDetail submit(long methodId, int revision) {
        PortalUser user = currentUser.require();
        Locked locked = lock(methodId, user);
        MethodRow method = locked.row();
        WorkflowPolicy.check(WorkflowAction.SUBMIT, method.status(), method.isChangeRequest(),
                MethodAccess.actor(method, user));
        if (method.latestRevisionNumber() != revision) {
            throw new MethodStaleException(methodId, revision, method.latestRevisionNumber());
        }
        if (method.isChangeRequest()) {
            checkBaseIsCurrent(method);
        }
        update(records.updateSubmitted(methodId, clock.instant(), locked.version()), methodId);
        return transitioned(ProposalSubmitted::new, methodId, user);
    }

    /** The author takes a proposal back from review to drafting (design §2: withdraw). */
    @Transactional
    public MethodDetail withdraw(long methodId) {
        PortalUser user = currentUser.require();
        Locked locked = lock(methodId, user);
        MethodRow method = locked.row();
        WorkflowPolicy.check(WorkflowAction.WITHDRAW, method.status(), method.isChangeRequest(),
                MethodAccess.actor(method, user));
        update(records.updateStatus(methodId, MethodStatus.DRAFT, clock.instant(), locked.version()), methodId);
        return transitioned(ProposalWithdrawn::new, methodId, user);
    }

    /**
     * Opens a change request against a published method: a new proposal owned by the caller, with
     * the same origin (so the same reviewers), based on the method's current published revision.
     */
    @Transactional
    public MethodDetail proposeChange(long targetId, MethodContent content, @Nullable String changeNote) {
        PortalUser user = currentUser.require();
        MethodRow target = visible(targetId, user);
        WorkflowPolicy.check(WorkflowAction.PROPOSE_CHANGE, target.status(), target.isChangeRequest(),
                MethodAccess.actor(target, user));
        MethodContent clean = MethodService.validate(content);
        String note = MethodService.validateChangeNote(changeNote);
        Instant now = clock.instant();
        long id = records.insertProposal(target, target, clean, user.id(), now, note);
        log.info("change request {} of method {} opened by {}", id, targetId, user.login());
        return transitioned(ChangeProposed::new, id, user);
    }

    /**
     * What updating a change request onto its target's current published revision would do: the
     * merge of its base, the published revision now and the request (nothing is written).
     */
    public RebasePlan rebasePlan(long changeRequestId) {
        PortalUser user = currentUser.require();
        MethodRow request = visible(changeRequestId, user);
        WorkflowPolicy.check(WorkflowAction.REBASE, request.status(), request.isChangeRequest(),
                MethodAccess.actor(request, user));
        return plan(request, publishedTarget(request)).plan();
    }

    /**
     * Updates a change request onto its target's current published revision by a three-way merge
     * ({@link RebasePolicy}): what only the newer publication changed is taken over, what only the
     * request changed is kept. The merge becomes a new revision of the request, which goes back to
     * its author if it was in review. When both changed the same thing, nothing is written and a
     * {@link RebaseConflictException} lists the conflicts for {@link #rebase(long, int, int, List)}.
     */
    @Transactional
    public MethodDetail rebase(long changeRequestId) {
        return rebase(changeRequestId, null, null, List.of());
    }

    /**
     * Updates a change request as {@link #rebase(long)} does, with the author's resolution of each
     * conflict. {@code requestRevision} and {@code currentRevision} are the revisions of the plan
     * the author resolved: if either moved on, nothing is written and the author sees the new plan.
     */
    @Transactional
    public MethodDetail rebase(long changeRequestId, int requestRevision, int currentRevision,
                             List<ConflictResolution> resolutions) {
        return rebase(changeRequestId, Integer.valueOf(requestRevision), Integer.valueOf(currentRevision),
                resolutions);
    }

    private MethodDetail rebase(long changeRequestId, @Nullable Integer requestRevision,
                              @Nullable Integer currentRevision, List<ConflictResolution> resolutions) {
        PortalUser user = currentUser.require();
        Locked locked = lock(changeRequestId, user);
        MethodRow request = locked.row();
        WorkflowPolicy.check(WorkflowAction.REBASE, request.status(), request.isChangeRequest(),
                MethodAccess.actor(request, user));
        MethodRow target = publishedTarget(request);
        if (Objects.equals(target.publishedRevisionId(), request.basePublishedRevisionId())) {
            return records.view(request, request.latestRevisionNumber());
        }
        Merge merge = plan(request, target);
        RebasePlan plan = merge.plan();
        MethodContent merged;
        if (requestRevision != null) {
            if (requestRevision != plan.requestRevision() || !Objects.equals(currentRevision, plan.currentRevision())) {
                throw PortalException.stale("proposal.rebase-stale", plan.currentRevision());
            }
            merged = merge.outcome().resolve(resolutions);
        } else if (!plan.clean()) {
            throw new RebaseConflictException(plan);
        } else {
            merged = merge.outcome().merged();
        }
        MethodContent clean = MethodService.validate(merged);
        // The merge needs the author's eyes before reviewers see it again.
        MethodStatus status = request.status() == MethodStatus.IN_REVIEW ? MethodStatus.DRAFT : request.status();
        int number = request.latestRevisionNumber() + 1;
        Instant now = clock.instant();
        long revisionId = records.insertRevision(changeRequestId, number, request.latestRevisionId(), clean, user.id(),
                now, rebaseNote(plan.currentRevision()), status);
        update(records.updateRebased(changeRequestId, revisionId, Objects.requireNonNull(target.publishedRevisionId()),
                status, clean.category(), now, locked.version()), changeRequestId);
        events.publishEvent(new MethodRevised(changeRequestId, number, clean.title()));
        log.info("change request {} updated from revision {} to {} of method {} ({} conflicts resolved)",
                changeRequestId, plan.baseRevision(), plan.currentRevision(), target.id(), plan.conflicts().size());
        return transitioned(ProposalRebased::new, changeRequestId, user);
    }

    /**
     * Locks a proposal for a reviewer's decision on {@code revision}, the revision the reviewer saw.
     * Refused when the caller may not review it (own proposal, outside their departments), when the
     * proposal moved on (new revision, withdrawn, already decided) or when it is a change request
     * whose base is outdated (its author must update it first): nothing is applied then.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public ProposalUnderReview startReview(long methodId, int revision) {
        PortalUser user = currentUser.require();
        MethodRow method = lock(methodId, user).row();
        WorkflowPolicy.check(WorkflowAction.REVIEW, method.status(), method.isChangeRequest(),
                MethodAccess.actor(method, user));
        if (method.baseOutdated()) {
            // Refused before anything is recorded: its approval could not be applied anyway.
            throw PortalException.conflict("proposal.rebase-required", method.basePublishedRevisionNumber(),
                    method.targetPublishedRevisionNumber());
        }
        Integer submitted = method.submittedRevisionNumber();
        if (submitted == null || submitted != revision) {
            throw PortalException.stale("review.stale", revision, Objects.requireNonNullElse(submitted, 0));
        }
        Revision underReview = records.revision(methodId, submitted);
        if (underReview.authorId() == user.id()) {
            throw PortalException.forbidden("review.self-review");
        }
        return new ProposalUnderReview(methodId, underReview.content().title(), method.ownerId(),
                method.originDepartmentId(), method.reviewRound(), Objects.requireNonNull(method.submittedRevisionId()),
                submitted, method.changeOfMethodId());
    }

    /**
     * Publishes an approved proposal: its revision becomes the method's published one, or, for a
     * change request, a new revision of its target. Called by the review workflow once enough
     * approvals of {@code round} are recorded. A change request written against an older published
     * revision is refused (the author must rebase): never a silent overwrite of approved text.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public MethodDetail approve(long methodId, int round) {
        PortalUser user = currentUser.require();
        Locked locked = decisionLock(methodId, round, user);
        MethodRow proposal = locked.row();
        Instant now = clock.instant();
        long submittedId = Objects.requireNonNull(proposal.submittedRevisionId());
        if (!proposal.isChangeRequest()) {
            update(records.updatePublishedRevision(methodId, submittedId, now, locked.version()), methodId);
            records.insertPublication(methodId, submittedId, now, user.id(), methodId, round);
            // A merge proposal (总结提炼) folds its sources into itself in the same transaction.
            approvalSteps.orderedStream().forEach(step -> step.approved(methodId, methodId, user.id(), now));
            return transitioned(MethodPublished::new, methodId, user);
        }
        long targetId = Objects.requireNonNull(proposal.changeOfMethodId());
        int targetVersion = records.lockVersion(targetId).orElseThrow(() -> MethodRecords.notFound(targetId));
        MethodRow target = records.load(targetId);
        if (target.status() != MethodStatus.PUBLISHED) {
            throw PortalException.conflict("proposal.target-not-published");
        }
        checkBaseIsCurrent(proposal, target);
        Revision change = records.revisionById(submittedId);
        int number = target.latestRevisionNumber() + 1;
        long revisionId = records.insertRevision(targetId, number, target.publishedRevisionId(), change.content(),
                change.authorId(), now, change.changeNote(), MethodStatus.PUBLISHED);
        update(records.updatePublishedRevision(targetId, revisionId, now, targetVersion), targetId);
        records.insertPublication(targetId, revisionId, now, user.id(), methodId, round);
        update(records.updateStatus(methodId, MethodStatus.MERGED, now, locked.version()), methodId);
        approvalSteps.orderedStream().forEach(step -> step.approved(methodId, targetId, user.id(), now));
        // Every other open change request of the target was written against an older text now.
        records.findChangeRequests(targetId, OPEN).stream().filter(other -> other.id() != methodId)
                .forEach(other -> events.publishEvent(new ChangeRequestOutdated(other.id(), targetId, other.title(),
                        other.ownerId(), number)));
        // The target has a new revision: its own event (audit, search index of the target).
        events.publishEvent(new MethodRevised(targetId, number, change.content().title()));
        log.info("change request {} applied to method {} as revision {}", methodId, targetId, number);
        return transitioned(MethodPublished::new, methodId, user);
    }

    /** Ends the review round asking the author for changes; the next submission starts a new round. */
    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public MethodDetail requestChanges(long methodId, int round) {
        return decide(methodId, round, MethodStatus.CHANGES_REQUESTED, ChangesRequested::new);
    }

    /** Closes the proposal as rejected; it is kept and stays readable to those who could see it. */
    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public MethodDetail reject(long methodId, int round) {
        return decide(methodId, round, MethodStatus.REJECTED, ProposalRejected::new);
    }

    /** Archives a published method (reviewers of its department, admins); it stays readable with a banner. */
    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public MethodDetail archive(long methodId) {
        return move(methodId, WorkflowAction.ARCHIVE, MethodStatus.ARCHIVED, MethodArchived::new);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public MethodDetail restore(long methodId) {
        return move(methodId, WorkflowAction.RESTORE, MethodStatus.PUBLISHED, MethodRestored::new);
    }

    /** The change requests of a method that the caller may see, newest first; open ones only unless {@code all}. */
    public List<MethodSummary> changeRequests(long targetId, boolean all) {
        PortalUser user = currentUser.require();
        visible(targetId, user);
        List<MethodStatus> statuses = all ? List.of() : OPEN;
        return records.findChangeRequests(targetId, statuses).stream().filter(s -> maySee(s, user)).toList();
    }

    /** The rule of {@link MethodAccess#maySee} for a change request, which is never public. */
    private static boolean maySee(MethodSummary request, PortalUser user) {
        return user.hasRole(Role.ADMIN) || request.ownerId() == user.id()
                || user.reviewerDepartmentIds().contains(request.originDepartmentId());
    }

    /**
     * The change requests of a method now in review, for someone about to propose another one:
     * everyone may learn that they exist (title and author), links only to those they may see.
     */
    public List<OpenChangeRequest> changeRequestsInReview(long targetId) {
        PortalUser user = currentUser.require();
        visible(targetId, user);
        return records.findChangeRequests(targetId, List.of(MethodStatus.IN_REVIEW)).stream()
                .map(s -> new OpenChangeRequest(s.id(), s.title(), s.ownerName(), maySee(s, user)))
                .toList();
    }

    /**
     * What a reviewer compares a change request with: the target's current published revision (not
     * the request's base, which may be older), and per field the published version whose change the
     * request would undo, because the request still holds the text from before it.
     */
    public PublishedComparison compareWithPublished(long changeRequestId) {
        PortalUser user = currentUser.require();
        MethodRow request = visible(changeRequestId, user);
        if (!request.isChangeRequest()) {
            throw PortalException.conflict("workflow.not-change-request");
        }
        MethodRow target = publishedTarget(request);
        Revision mine = records.revision(changeRequestId, request.latestRevisionNumber());
        List<Revision> published = records.findPublishedRevisionNumbers(target.id()).stream()
                .map(n -> records.revision(target.id(), n)).toList();
        Revision current = records.revisionById(Objects.requireNonNull(target.publishedRevisionId()));
        return new PublishedComparison(current.number(), MethodDiff.between(current.content(), mine.content()),
                RebasePolicy.undone(published, mine.content()), RebasePolicy.undoneItems(published, mine.content()));
    }

    /** Which proposal and review round produced the method's published revision, if it has one. */
    public Optional<PublicationSource> publicationSource(long methodId) {
        MethodRow method = visible(methodId, currentUser.require());
        return method.publishedRevisionId() == null ? Optional.empty()
                : records.findPublicationSource(methodId, method.publishedRevisionId());
    }

    /** What the caller may do now with a method or proposal, for the buttons of the method page. */
    public MethodPermissions permissions(long methodId) {
        PortalUser user = currentUser.require();
        MethodRow row = visible(methodId, user);
        WorkflowPolicy.Actor actor = MethodAccess.actor(row, user);
        MethodStatus status = row.status();
        boolean change = row.isChangeRequest();
        return new MethodPermissions(WorkflowPolicy.allows(WorkflowAction.SAVE, status, change, actor),
                WorkflowPolicy.allows(WorkflowAction.SUBMIT, status, change, actor),
                WorkflowPolicy.allows(WorkflowAction.WITHDRAW, status, change, actor),
                WorkflowPolicy.allows(WorkflowAction.REVIEW, status, change, actor),
                WorkflowPolicy.allows(WorkflowAction.PROPOSE_CHANGE, status, change, actor),
                WorkflowPolicy.allows(WorkflowAction.ARCHIVE, status, change, actor),
                WorkflowPolicy.allows(WorkflowAction.RESTORE, status, change, actor),
                WorkflowPolicy.allows(WorkflowAction.REBASE, status, change, actor));
    }

    // ---- helpers

    private record Locked(MethodRow row, int version) {
    }

    private Locked lock(long methodId, PortalUser user) {
        // Transitions of one proposal queue here, so the checks below stay true until commit.
        int version = records.lockVersion(methodId).orElseThrow(() -> MethodRecords.notFound(methodId));
        MethodRow row = records.load(methodId);
        if (!MethodAccess.maySee(row, user)) {
            throw MethodRecords.notFound(methodId);
        }
        return new Locked(row, version);
    }

    private MethodRow visible(long methodId, PortalUser user) {
        MethodRow row = records.load(methodId);
        if (!MethodAccess.maySee(row, user)) {
            throw MethodRecords.notFound(methodId);
        }
        return row;
    }

    private Locked decisionLock(long methodId, int round, PortalUser user) {
        Locked locked = lock(methodId, user);
        MethodRow method = locked.row();
        WorkflowPolicy.check(WorkflowAction.REVIEW, method.status(), method.isChangeRequest(),
                MethodAccess.actor(method, user));
        if (method.reviewRound() != round) {
            throw PortalException.stale("review.stale", round, method.reviewRound());
        }
        return locked;
    }

    private MethodDetail decide(long methodId, int round, MethodStatus next, Transition transition) {
        PortalUser user = currentUser.require();
        Locked locked = decisionLock(methodId, round, user);
        update(records.updateStatus(methodId, next, clock.instant(), locked.version()), methodId);
        return transitioned(transition, methodId, user);
    }

    private MethodDetail move(long methodId, WorkflowAction action, MethodStatus next, Transition transition) {
        PortalUser user = currentUser.require();
        Locked locked = lock(methodId, user);
        MethodRow method = locked.row();
        WorkflowPolicy.check(action, method.status(), method.isChangeRequest(), MethodAccess.actor(method, user));
        update(records.updateStatus(methodId, next, clock.instant(), locked.version()), methodId);
        return transitioned(transition, methodId, user);
    }

    private record Merge(RebasePlan plan, RebasePolicy.Outcome outcome) {
    }

    private MethodRow publishedTarget(MethodRow request) {
        MethodRow target = records.load(Objects.requireNonNull(request.changeOfMethodId()));
        if (target.publishedRevisionId() == null || target.status() != MethodStatus.PUBLISHED) {
            throw PortalException.conflict("proposal.target-not-published");
        }
        return target;
    }

    private Merge plan(MethodRow request, MethodRow target) {
        Revision base = records.revisionById(Objects.requireNonNull(request.basePublishedRevisionId()));
        Revision theirs = records.revisionById(Objects.requireNonNull(target.publishedRevisionId()));
        Revision mine = records.revision(request.id(), request.latestRevisionNumber());
        RebasePolicy.Outcome outcome = RebasePolicy.merge(base.content(), theirs.content(), mine.content());
        return new Merge(new RebasePlan(request.id(), mine.number(), base.number(), theirs.number(), base.content(),
                theirs.content(), mine.content(), outcome.publishedChanges(), outcome.conflicts()), outcome);
    }

    /** The change note of a rebase revision, in the portal's working language like every stored text. */
    private String rebaseNote(int currentRevision) {
        return messages.getMessage("proposal.rebase.change-note", new Object[] {currentRevision},
                Locale.SIMPLIFIED_CHINESE);
    }

    private void checkBaseIsCurrent(MethodRow request) {
        checkBaseIsCurrent(request, records.load(Objects.requireNonNull(request.changeOfMethodId())));
    }

    private static void checkBaseIsCurrent(MethodRow request, MethodRow target) {
        if (!Objects.equals(target.publishedRevisionId(), request.basePublishedRevisionId())) {
            throw PortalException.conflict("proposal.rebase-required", request.basePublishedRevisionNumber(),
                    target.publishedRevisionNumber());
        }
    }

    /** The row was locked, so a lost version race means a writer bypassed the lock: refuse, never overwrite. */
    private static void update(int rows, long methodId) {
        if (rows == 0) {
            throw PortalException.stale("proposal.stale", methodId);
        }
    }

    private MethodDetail transitioned(Transition transition, long methodId, PortalUser user) {
        MethodRow after = records.load(methodId);
        long target = after.changeOfMethodId() != null ? after.changeOfMethodId() : methodId;
        int revision = after.isChangeRequest() || after.publishedRevisionNumber() == null
                ? after.latestRevisionNumber() : after.publishedRevisionNumber();
        WorkflowEvent event = transition.of(methodId, target,
                records.revision(methodId, after.latestRevisionNumber()).content().title(), after.ownerId(),
                after.originDepartmentId(), user.id(), revision, after.reviewRound());
        events.publishEvent(event);
        log.info("{} {} by {}: now {}", event.action(), methodId, user.login(), after.status());
        return records.view(after, after.latestRevisionNumber());
    }

    /** One fact of {@link WorkflowEvent}: its records share these fields, so their constructors fit. */
    @FunctionalInterface
    private interface Transition {
        WorkflowEvent of(long methodId, long targetMethodId, String title, long ownerId, long originDepartmentId,
                         long actorId, int revisionNumber, int reviewRound);
    }
}
