package org.methodportal.promotion;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A promotion to start: a message to the secretaries and the departments targeted, or all branches. */
public record NewPromotion(@Nullable String message, boolean allBranches, @Nullable List<Long> departmentIds) {
}
