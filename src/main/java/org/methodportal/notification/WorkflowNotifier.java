package org.methodportal.notification;

import java.util.List;

import org.methodportal.account.AccountService;
import org.methodportal.method.MethodMerged;
import org.methodportal.method.MethodStatusChanged;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the people concerned about workflow steps (issue 5): a submission to the reviewers of the
 * proposal's department, decisions to the author. Runs inside the transition's transaction, so an
 * item exists exactly when the transition committed.
 */
@Component
class WorkflowNotifier {

    private final NotificationService notifications;
    private final AccountService accounts;

    WorkflowNotifier(NotificationService notifications, AccountService accounts) {
        this.notifications = notifications;
        this.accounts = accounts;
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
    }

    /** The author of a source hears that it was merged into a standard entry (总结提炼), or given back. */
    @EventListener
    void on(MethodMerged event) {
        if (event.action().equals(MethodMerged.MERGED_INTO) || event.action().equals(MethodMerged.UNMERGED)) {
            notifications.deliver(List.of(event.ownerId()), event.action(), event.methodId(), event.title(),
                    event.actorId());
        }
    }

    /** A partial approval ("1/2") is news for the author; decisions that end a round arrive as transitions. */
    @EventListener
    void on(ReviewRecorded event) {
        if (event.decision() == Decision.APPROVE && event.approvals() < event.required()) {
            notifications.deliver(List.of(event.ownerId()), "review.approved-partly", event.methodId(),
                    event.title(), null);
        }
    }
}
