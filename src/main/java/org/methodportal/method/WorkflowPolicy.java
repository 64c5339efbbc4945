package org.methodportal.method;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.PortalException;

/**
 * The state machine of design §2 as one table: who may do what in which status. Permission is
 * checked before state, so a caller without the right gets "not allowed" whatever the status, and
 * a caller with it learns why the status forbids it.
 */
public final class WorkflowPolicy {

    /** Who is acting, relative to the method or proposal concerned. */
    public record Actor(boolean owner, boolean admin, boolean reviewerInScope, boolean secretary) {
    }

    private static final Set<MethodStatus> REVIEWABLE = Set.of(MethodStatus.IN_REVIEW);

    private static final Map<WorkflowAction, Set<MethodStatus>> ALLOWED_FROM = Map.of(
            WorkflowAction.SAVE, MethodStatus.EDITABLE,
            WorkflowAction.SUBMIT, MethodStatus.EDITABLE,
            WorkflowAction.WITHDRAW, Set.of(MethodStatus.IN_REVIEW),
            WorkflowAction.REVIEW, REVIEWABLE,
            WorkflowAction.ARCHIVE, Set.of(MethodStatus.PUBLISHED),
            WorkflowAction.RESTORE, Set.of(MethodStatus.ARCHIVED),
            WorkflowAction.PROPOSE_CHANGE, Set.of(MethodStatus.PUBLISHED),
            // A request in review may be updated too: the update takes it back to its author.
            WorkflowAction.REBASE, Set.of(MethodStatus.DRAFT, MethodStatus.CHANGES_REQUESTED, MethodStatus.IN_REVIEW));

    private WorkflowPolicy() {
    }

    /** Null when allowed, else the refusal (FORBIDDEN for the actor, CONFLICT for the status). */
    public static @Nullable PortalException refusal(WorkflowAction action, MethodStatus status, boolean changeRequest,
                                                    Actor actor) {
        String denied = permissionDenied(action, changeRequest, actor);
        if (denied != null) {
            return PortalException.forbidden(denied);
        }
        if (status == MethodStatus.MERGED_INTO) {
            // A merged-away source is read-only until an admin unmerges it (MergeService).
            return PortalException.conflict("workflow.merged-into");
        }
        if (!ALLOWED_FROM.get(action).contains(status)) {
            return PortalException.conflict("workflow.not-in-status", action.name(), status.name());
        }
        return null;
    }

    public static void check(WorkflowAction action, MethodStatus status, boolean changeRequest, Actor actor) {
        PortalException refusal = refusal(action, status, changeRequest, actor);
        if (refusal != null) {
            throw refusal;
        }
    }

    public static boolean allows(WorkflowAction action, MethodStatus status, boolean changeRequest, Actor actor) {
        return refusal(action, status, changeRequest, actor) == null;
    }

    private static @Nullable String permissionDenied(WorkflowAction action, boolean changeRequest, Actor actor) {
        return switch (action) {
            case SAVE -> actor.owner() || actor.admin() ? null : "workflow.owner-only";
            // Only the author submits, withdraws and rebases their proposal (design §2).
            case SUBMIT, WITHDRAW -> actor.owner() ? null : "workflow.owner-only";
            case REBASE -> !changeRequest ? "workflow.not-change-request" : actor.owner() ? null : "workflow.owner-only";
            // Authors can never approve or score their own proposal, admins included.
            case REVIEW -> actor.owner() ? "review.self-review"
                    : actor.admin() || actor.reviewerInScope() ? null : "workflow.reviewer-only";
            case ARCHIVE, RESTORE -> actor.admin() || actor.reviewerInScope() ? null : "workflow.reviewer-only";
            case PROPOSE_CHANGE -> actor.secretary() || actor.owner() || actor.admin() ? null
                    : "workflow.secretary-only";
        };
    }
}
