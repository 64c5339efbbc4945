package org.methodportal.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.methodportal.account.AccountService;
import org.methodportal.merge.MethodMerged;
import org.methodportal.method.MethodRevised;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodView;
import org.methodportal.proposal.ChangeRequestOutdated;
import org.methodportal.proposal.MethodStatusChanged;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRecorded;
import org.methodportal.shared.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the people concerned about workflow steps: a submission to the reviewers of the
 * proposal's department, decisions to the author; and the method's watchers of new
 * proposals, change requests and published versions, each person once per event. Authors start
 * watching what they draft or propose. Runs inside the transition's transaction, so an item exists
 * exactly when the transition committed.
 */
@Component
class WorkflowNotifier {

    /** What watchers hear of, by workflow action; each kind is worded by {@code notification.kind.<kind>}. */
    static final String WATCH_SUBMITTED = "watch.submitted";
    static final String WATCH_CHANGE_PROPOSED = "watch.change-proposed";
    static final String WATCH_PUBLISHED = "watch.published";
    static final String BASE_OUTDATED = "proposal.base-outdated";

    private final NotificationService notifications;
    private final AccountService accounts;
    private final WatchService watches;
    private final MethodService methods;
    private final CurrentUser currentUser;

    WorkflowNotifier(NotificationService notifications, AccountService accounts, WatchService watches,
                     MethodService methods, CurrentUser currentUser) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.watches = watches;
        this.methods = methods;
        this.currentUser = currentUser;
    }

    @EventListener
    void on(MethodStatusChanged event) {
        List<Long> recipients = switch (event.action()) {
            case MethodStatusChanged.SUBMITTED -> accounts.reviewerIdsOf(event.originDepartmentId());
            case MethodStatusChanged.CHANGES_REQUESTED, MethodStatusChanged.REJECTED, MethodStatusChanged.PUBLISHED,
                 MethodStatusChanged.ARCHIVED, MethodStatusChanged.RESTORED -> List.of(event.ownerId());
            default -> List.of();
        };
        Long link = event.action().equals(MethodStatusChanged.PUBLISHED) ? event.targetMethodId() : event.methodId();
        notifications.deliver(recipients, event.action(), link, event.title(), event.actorId());
        tellWatchers(event, recipients);
    }

    /** A new draft is watched by its author; imported methods are not (the importer did not write them). */
    @EventListener
    void on(MethodRevised event) {
        if (event.action().equals("method.created")) {
            MethodView method = methods.get(event.methodId());
            if (method.externalId() == null && currentUser.require().id() == method.ownerId()) {
                watches.watchAutomatically(method.ownerId(), event.methodId());
            }
        }
    }

    /** The author of a source hears that it was merged into a standard entry (总结提炼), or given back. */
    @EventListener
    void on(MethodMerged event) {
        if (event.action().equals(MethodMerged.MERGED_INTO) || event.action().equals(MethodMerged.UNMERGED)) {
            notifications.deliver(List.of(event.ownerId()), event.action(), event.methodId(), event.title(),
                    event.actorId());
        }
    }

    /**
     * The author of an open change request hears at once that a newer version was published, so
     * that the request is updated before reviewers spend time on an outdated text.
     */
    @EventListener
    void on(ChangeRequestOutdated event) {
        notifications.deliver(List.of(event.ownerId()), BASE_OUTDATED, event.methodId(), event.title(), null);
    }

    /** A partial approval ("1/2") is news for the author; decisions that end a round arrive as transitions. */
    @EventListener
    void on(ReviewRecorded event) {
        if (event.decision() == Decision.APPROVE && event.approvals() < event.required()) {
            notifications.deliver(List.of(event.ownerId()), "review.approved-partly", event.methodId(),
                    event.title(), null);
        }
    }

    private void tellWatchers(MethodStatusChanged event, List<Long> alreadyTold) {
        String kind = switch (event.action()) {
            case MethodStatusChanged.SUBMITTED -> WATCH_SUBMITTED;
            case MethodStatusChanged.CHANGE_PROPOSED -> WATCH_CHANGE_PROPOSED;
            case MethodStatusChanged.PUBLISHED -> WATCH_PUBLISHED;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        if (!kind.equals(WATCH_PUBLISHED)) {
            watches.watchAutomatically(event.ownerId(), event.targetMethodId());
        }
        // A proposal is news only for those who may see it; a published version is public.
        long about = kind.equals(WATCH_PUBLISHED) ? event.targetMethodId() : event.methodId();
        List<Long> watchers = new ArrayList<>(watches.watchersWhoMaySee(event.targetMethodId(), about));
        watchers.removeAll(Set.copyOf(alreadyTold));
        notifications.deliver(watchers, kind, about, event.title(), event.actorId());
    }
}
