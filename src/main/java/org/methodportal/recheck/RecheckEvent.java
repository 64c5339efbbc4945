package org.methodportal.recheck;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.AuditableEvent;

/** A reviewer confirmed a method as still valid, or set methods due for review; audited. */
public sealed interface RecheckEvent extends AuditableEvent {

    /** A method confirmed after review (复核通过) until {@code nextDueOn}. */
    record Confirmed(long methodId, LocalDate nextDueOn, @Nullable String note) implements RecheckEvent {
        @Override
        public String action() {
            return "recheck.confirmed";
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
            return "next review by " + nextDueOn + (note == null ? "" : ": " + note);
        }
    }

    /** All published methods of a category or tag (within the reviewer's departments) set due today. */
    record SetDue(String scope, int methods, String reason) implements RecheckEvent {
        @Override
        public String action() {
            return "recheck.set-due";
        }

        @Override
        public String objectType() {
            return "recheck";
        }

        @Override
        public String objectId() {
            return scope;
        }

        @Override
        public String detail() {
            return methods + " methods: " + reason;
        }
    }
}
