package org.methodportal.proposal;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.MethodEvent;

/**
 * A workflow transition happened (design §2), one record per fact: audit, notifications and the
 * search index follow it; audited under the action names kept here (stored audit rows use them).
 * {@code methodId} is the proposal (a method or a change request); {@code targetMethodId} the
 * method whose published text it concerns (the same id unless it is a change request). Every fact
 * carries the same fields, so that one step of {@link ProposalService} builds any of them.
 */
public sealed interface WorkflowEvent extends MethodEvent {

    long targetMethodId();

    String title();

    long ownerId();

    long originDepartmentId();

    long actorId();

    int revisionNumber();

    int reviewRound();

    @Override
    default String action() {
        return switch (this) {
            case ProposalSubmitted e -> "proposal.submitted";
            case ProposalWithdrawn e -> "proposal.withdrawn";
            case ChangesRequested e -> "proposal.changes-requested";
            case ProposalRejected e -> "proposal.rejected";
            case ChangeProposed e -> "proposal.change-proposed";
            case ProposalRebased e -> "proposal.rebased";
            case MethodPublished e -> "method.published";
            case MethodArchived e -> "method.archived";
            case MethodRestored e -> "method.restored";
        };
    }

    @Override
    default @Nullable String detail() {
        String target = methodId() != targetMethodId() ? " → #" + targetMethodId() : "";
        return "r" + revisionNumber() + (reviewRound() > 0 ? " round " + reviewRound() : "") + target + " " + title();
    }

    /** The author sent the proposal to the reviewers of its department. */
    record ProposalSubmitted(long methodId, long targetMethodId, String title, long ownerId, long originDepartmentId,
                             long actorId, int revisionNumber, int reviewRound) implements WorkflowEvent {
    }

    /** The author took the proposal back from review to drafting. */
    record ProposalWithdrawn(long methodId, long targetMethodId, String title, long ownerId, long originDepartmentId,
                             long actorId, int revisionNumber, int reviewRound) implements WorkflowEvent {
    }

    /** A reviewer ended the round asking the author for changes. */
    record ChangesRequested(long methodId, long targetMethodId, String title, long ownerId, long originDepartmentId,
                            long actorId, int revisionNumber, int reviewRound) implements WorkflowEvent {
    }

    /** A reviewer closed the proposal as rejected. */
    record ProposalRejected(long methodId, long targetMethodId, String title, long ownerId, long originDepartmentId,
                            long actorId, int revisionNumber, int reviewRound) implements WorkflowEvent {
    }

    /** A change request ({@code methodId}) of the published method {@code targetMethodId} was opened. */
    record ChangeProposed(long methodId, long targetMethodId, String title, long ownerId, long originDepartmentId,
                          long actorId, int revisionNumber, int reviewRound) implements WorkflowEvent {
    }

    /** A change request was updated onto its target's current published revision. */
    record ProposalRebased(long methodId, long targetMethodId, String title, long ownerId, long originDepartmentId,
                           long actorId, int revisionNumber, int reviewRound) implements WorkflowEvent {
    }

    /** The proposal was approved and its text is now the published revision of {@code targetMethodId}. */
    record MethodPublished(long methodId, long targetMethodId, String title, long ownerId, long originDepartmentId,
                           long actorId, int revisionNumber, int reviewRound) implements WorkflowEvent {
    }

    /** A published method was archived; it stays readable with a banner. */
    record MethodArchived(long methodId, long targetMethodId, String title, long ownerId, long originDepartmentId,
                          long actorId, int revisionNumber, int reviewRound) implements WorkflowEvent {
    }

    /** An archived method was published again. */
    record MethodRestored(long methodId, long targetMethodId, String title, long ownerId, long originDepartmentId,
                          long actorId, int revisionNumber, int reviewRound) implements WorkflowEvent {
    }
}
