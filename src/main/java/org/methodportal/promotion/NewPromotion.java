package org.methodportal.promotion;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A promotion to start: a message to the secretaries and the departments targeted, or all branches
 * ({@code allBranches}: null means false, so that a request may leave it out).
 */
public record NewPromotion(@Nullable String message, @Nullable Boolean allBranches, @Nullable List<Long> departmentIds) {

    public boolean toAllBranches() {
        return Boolean.TRUE.equals(allBranches);
    }
}
