package org.methodportal.proposal;

import java.util.Map;

import org.methodportal.shared.PortalException;

/**
 * A change request cannot be updated automatically: the published text and the request changed
 * the same things. Carries the plan, so that callers can show the conflicts (the REST API as the
 * problem's {@code conflicts}) and send resolutions for exactly these revisions.
 */
public class RebaseConflictException extends PortalException {

    private final transient RebasePlan plan;

    public RebaseConflictException(RebasePlan plan) {
        super(Kind.CONFLICT, "proposal.rebase-conflicts", plan.conflicts().size(), plan.currentRevision());
        this.plan = plan;
    }

    public RebasePlan plan() {
        return plan;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("requestRevision", plan.requestRevision(), "baseRevision", plan.baseRevision(),
                "currentRevision", plan.currentRevision(), "conflicts", plan.conflicts());
    }
}
