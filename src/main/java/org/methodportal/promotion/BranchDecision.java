package org.methodportal.promotion;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A branch's decision on a promotion. */
public record BranchDecision(long promotionId, long branchId, String branchName, PromotionDecision decision,
                             @Nullable String reason, String decidedByName, Instant decidedAt) {
}
