package org.methodportal.adoption;

import org.jspecify.annotations.Nullable;

/** A report on an adoption as its branch's secretary writes it. */
public record NewAdoptionReport(@Nullable AdoptionStatus status, @Nullable String outcome, @Nullable Integer rating,
                                @Nullable Integer participants) {
}
