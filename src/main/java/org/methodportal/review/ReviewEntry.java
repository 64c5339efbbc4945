package org.methodportal.review;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One review in a method's record: the proposal it was on (the method itself or one of its change
 * requests), round, revision, reviewer, decision, scores and comment.
 */
public record ReviewEntry(long id, long methodId, int revision, int round, long reviewerId, String reviewerName,
                          Decision decision, Scores scores, @Nullable String comment, Instant createdAt) {
}
