package org.methodportal.proposal;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.AuditableEvent;

/**
 * A workflow transition happened (design §2): audit, notifications and the search index follow it.
 * {@code methodId} is the proposal (a method or a change request); {@code targetMethodId} the
 * method whose published text it concerns (the same id unless it is a change request).
 */
public record MethodStatusChanged(String action, long methodId, long targetMethodId, String title, MethodStatus status,
                                  long ownerId, long originDepartmentId, long actorId, int revisionNumber,
                                  int reviewRound) implements AuditableEvent {

    public static final String SUBMITTED = "proposal.submitted";
    public static final String WITHDRAWN = "proposal.withdrawn";
    public static final String CHANGES_REQUESTED = "proposal.changes-requested";
    public static final String REJECTED = "proposal.rejected";
    public static final String CHANGE_PROPOSED = "proposal.change-proposed";
    public static final String REBASED = "proposal.rebased";
    /** The proposal was approved and its text is now the method's published revision. */
    public static final String PUBLISHED = "method.published";
    public static final String ARCHIVED = "method.archived";
    public static final String RESTORED = "method.restored";

    public boolean isChangeRequest() {
        return methodId != targetMethodId;
    }

    @Override
    public String objectType() {
        return "method";
    }

    @Override
    public String objectId() {
        return String.valueOf(methodId);
    }

    @Override
    public @Nullable String detail() {
        String target = isChangeRequest() ? " → #" + targetMethodId : "";
        return "r" + revisionNumber + (reviewRound > 0 ? " round " + reviewRound : "") + target + " " + title;
    }
}
