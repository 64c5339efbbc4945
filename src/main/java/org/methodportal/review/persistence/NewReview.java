package org.methodportal.review.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.methodportal.review.Decision;
import org.methodportal.review.Scores;

public record NewReview(long methodId, long revisionId, int round, long reviewerId, Decision decision, Scores scores,
                        @Nullable String comment, Instant createdAt) {
}
