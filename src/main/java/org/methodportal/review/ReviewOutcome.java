package org.methodportal.review;

import org.methodportal.method.MethodStatus;

/** What a review did: the proposal's status afterwards and, for approvals, how many of how many. */
public record ReviewOutcome(long reviewId, long methodId, MethodStatus status, int approvals, int required) {
}
