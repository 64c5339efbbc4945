package org.methodportal.review.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodStatus;
import org.methodportal.review.Decision;

/** A review row with the reviewer's name, the number of the revision it was on and the proposal's status now. */
public record ReviewRow(long id, long methodId, int revision, int reviewRound, long reviewerId, String reviewerName,
                        Decision decision, int regularity, int pertinence, int operability, int adaptability,
                        int exemplarity, int creativity, @Nullable String reviewComment, Instant createdAt,
                        MethodStatus proposalStatus) {
}
