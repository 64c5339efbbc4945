package org.methodportal.recheck;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;

/**
 * A published method's review-by date, with why it was set due early ({@code setReason}, by whom,
 * when) and its last confirmation, if any.
 */
public record RecheckDue(long methodId, String title, Category category, long departmentId, String departmentName,
                         LocalDate dueOn, @Nullable String setReason, @Nullable String setByName,
                         @Nullable Instant confirmedAt, @Nullable String confirmedByName,
                         @Nullable String confirmNote) {

    /** The element id of the review-by banner on the method page. */
    public static final String ELEMENT_ID = "method-recheck-banner";

    public boolean dueBy(LocalDate day) {
        return !dueOn.isAfter(day);
    }
}
