package org.methodportal.promotion;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A promotion of a method to the branches of some departments ({@code allBranches}: to every branch). */
public record Promotion(long id, long methodId, String methodTitle, @Nullable String message, boolean allBranches,
                        long createdById, String createdByName, Instant createdAt) {
}
