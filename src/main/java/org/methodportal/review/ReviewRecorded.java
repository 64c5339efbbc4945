package org.methodportal.review;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.MethodEvent;

/** A reviewer recorded a review; the workflow transition it caused, if any, is its own event. */
public record ReviewRecorded(long reviewId, long methodId, String title, long ownerId, Decision decision, int round,
                             int approvals, int required) implements MethodEvent {

    @Override
    public String action() {
        return "review.recorded";
    }

    @Override
    public @Nullable String detail() {
        return decision + " round " + round + (decision == Decision.APPROVE ? " " + approvals + "/" + required : "");
    }
}
