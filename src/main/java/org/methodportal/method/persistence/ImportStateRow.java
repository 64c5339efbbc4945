package org.methodportal.method.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodStatus;

/**
 * The columns of a method that importing its entry again compares: {@code latestShown} when its
 * latest revision is the one lists and documents show (nothing published, or the latest published),
 * {@code latestPublished} when the latest revision is the published one.
 */
public record ImportStateRow(long id, String externalId, MethodStatus status, long originBranchId,
                             @Nullable String rawPractice, Instant createdAt, boolean latestShown,
                             boolean latestPublished) {
}
