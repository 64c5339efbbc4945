package org.methodportal.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.AccountService;
import org.methodportal.merge.MergeEvent;
import org.methodportal.method.MethodRevisionEvent.MethodCreated;
import org.methodportal.proposal.ChangeRequestOutdated;
import org.methodportal.proposal.WorkflowEvent;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRecorded;
import org.methodportal.shared.SystemAuthentication;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the people concerned about workflow steps: a submission to the reviewers of the
 * proposal's department, decisions to the author; and the method's watchers of new
 * proposals, change requests and published versions, each person once per event. Authors start
 * watching what they draft or propose. Runs after the step has committed, in its own transaction,
 * as the system user: the events carry who acted and what the people told need to see, and who
 * may see a proposal is checked per watcher.
 */
@Component
class WorkflowNotifier {

    /** What watchers hear of, by workflow action; each kind is worded by {@code notification.kind.<kind>}. */
    static final String WATCH_SUBMITTED = "watch.submitted";
    static final String WATCH_CHANGE_PROPOSED = "watch.change-proposed";
    static final String WATCH_PUBLISHED = "watch.published";
    static final String BASE_OUTDATED = "proposal.base-outdated";
    static final String APPROVED_PARTLY = "review.approved-partly";

    private final NotificationService notifications;
    private final AccountService accounts;
    private final WatchService watches;
    private final SystemAuthentication system;

    WorkflowNotifier(NotificationService notifications, AccountService accounts, WatchService watches,
                     SystemAuthentication system) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.watches = watches;
        this.system = system;
    }

    @ApplicationModuleListener
    void on(WorkflowEvent event) {
        system.runAsSystem(() -> notify(event));
    }

    /** A new draft is watched by its author; imported methods are not (the importer did not write them). */
    @ApplicationModuleListener
    void on(MethodCreated event) {
        if (!event.imported() && event.actorId() == event.ownerId()) {
            system.runAsSystem(() -> watches.watchAutomatically(event.ownerId(), event.methodId()));
        }
    }

    /** The author of a source hears that it was merged into a standard entry (总结提炼), or given back. */
    @ApplicationModuleListener
    void on(MergeEvent event) {
        boolean toOwner = switch (event) {
            case MergeEvent.SourceMerged e -> true;
            case MergeEvent.SourceUnmerged e -> true;
            case MergeEvent.MergeStarted e -> false;
            case MergeEvent.MergeUndone e -> false;
            case MergeEvent.MergeAbandoned e -> false;
        };
        if (toOwner) {
            system.runAsSystem(() -> notifications.deliver(List.of(event.ownerId()), event.action(), event.methodId(),
                    event.title(), event.actorId(), null));
        }
    }

    /**
     * The author of an open change request hears at once that a newer version was published, so
     * that the request is updated before reviewers spend time on an outdated text.
     */
    @ApplicationModuleListener
    void on(ChangeRequestOutdated event) {
        system.runAsSystem(() -> notifications.deliver(List.of(event.ownerId()), BASE_OUTDATED, event.methodId(),
                event.title(), null, null));
    }

    /** A partial approval ("1/2") is news for the author; decisions that end a round arrive as transitions. */
    @ApplicationModuleListener
    void on(ReviewRecorded event) {
        if (event.decision() == Decision.APPROVE && event.approvals() < event.required()) {
            system.runAsSystem(() -> notifications.deliver(List.of(event.ownerId()), APPROVED_PARTLY,
                    event.methodId(), event.title(), null, InboxItem.REVIEW_RECORD));
        }
    }

    private void notify(WorkflowEvent event) {
        List<Long> recipients = switch (event) {
            case WorkflowEvent.ProposalSubmitted e -> accounts.reviewerIdsOf(e.originDepartmentId());
            case WorkflowEvent.ChangesRequested e -> List.of(e.ownerId());
            case WorkflowEvent.ProposalRejected e -> List.of(e.ownerId());
            case WorkflowEvent.MethodPublished e -> List.of(e.ownerId());
            case WorkflowEvent.MethodArchived e -> List.of(e.ownerId());
            case WorkflowEvent.MethodRestored e -> List.of(e.ownerId());
            case WorkflowEvent.ProposalWithdrawn e -> List.of();
            case WorkflowEvent.ChangeProposed e -> List.of();
            case WorkflowEvent.ProposalRebased e -> List.of();
        };
        long link = event instanceof WorkflowEvent.MethodPublished ? event.targetMethodId() : event.methodId();
        // A decision is read in the review record, with the reviewers' comments.
        String anchor = event instanceof WorkflowEvent.ChangesRequested || event instanceof WorkflowEvent.ProposalRejected
                ? InboxItem.REVIEW_RECORD : null;
        notifications.deliver(recipients, event.action(), link, event.title(), event.actorId(), anchor);
        tellWatchers(event, recipients);
    }

    private void tellWatchers(WorkflowEvent event, List<Long> alreadyTold) {
        @Nullable String kind = switch (event) {
            case WorkflowEvent.ProposalSubmitted e -> WATCH_SUBMITTED;
            case WorkflowEvent.ChangeProposed e -> WATCH_CHANGE_PROPOSED;
            case WorkflowEvent.MethodPublished e -> WATCH_PUBLISHED;
            case WorkflowEvent.ProposalWithdrawn e -> null;
            case WorkflowEvent.ChangesRequested e -> null;
            case WorkflowEvent.ProposalRejected e -> null;
            case WorkflowEvent.ProposalRebased e -> null;
            case WorkflowEvent.MethodArchived e -> null;
            case WorkflowEvent.MethodRestored e -> null;
        };
        if (kind == null) {
            return;
        }
        boolean published = event instanceof WorkflowEvent.MethodPublished;
        if (!published) {
            watches.watchAutomatically(event.ownerId(), event.targetMethodId());
        }
        // A proposal is news only for those who may see it; a published version is public.
        long about = published ? event.targetMethodId() : event.methodId();
        List<Long> watchers = new ArrayList<>(watches.watchersWhoMaySee(event.targetMethodId(), about));
        watchers.removeAll(Set.copyOf(alreadyTold));
        notifications.deliver(watchers, kind, about, event.title(), event.actorId(), null);
    }
}
