package org.methodportal.promotion;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.AuditableEvent;

/** Designations, promotions and decisions; audited. */
public sealed interface PromotionEvent extends AuditableEvent {

    /** A method marked 典型工作法. */
    record Designated(long methodId, String reason) implements PromotionEvent {
        @Override
        public String action() {
            return "exemplar.designated";
        }

        @Override
        public String objectType() {
            return "method";
        }

        @Override
        public String objectId() {
            return String.valueOf(methodId);
        }

        @Override
        public String detail() {
            return reason;
        }
    }

    /** A method no longer 典型工作法. */
    record Withdrawn(long methodId) implements PromotionEvent {
        @Override
        public String action() {
            return "exemplar.withdrawn";
        }

        @Override
        public String objectType() {
            return "method";
        }

        @Override
        public String objectId() {
            return String.valueOf(methodId);
        }
    }

    /** A promotion started to {@code targets} ("all" or department ids), reaching {@code branches} branches. */
    record Started(long promotionId, long methodId, String targets, long branches) implements PromotionEvent {
        @Override
        public String action() {
            return "promotion.started";
        }

        @Override
        public String objectType() {
            return "promotion";
        }

        @Override
        public String objectId() {
            return String.valueOf(promotionId);
        }

        @Override
        public String detail() {
            return "method " + methodId + " to " + targets + " (" + branches + " branches)";
        }
    }

    /** A branch decided on a promotion. */
    record Decided(long promotionId, long branchId, PromotionDecision decision, @Nullable String reason)
            implements PromotionEvent {
        @Override
        public String action() {
            return "promotion.decided";
        }

        @Override
        public String objectType() {
            return "promotion";
        }

        @Override
        public String objectId() {
            return String.valueOf(promotionId);
        }

        @Override
        public String detail() {
            return "branch " + branchId + " " + decision + (reason == null ? "" : ": " + reason);
        }
    }
}
