package org.methodportal.adoption;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** What a secretary gives when their branch adopts a method: the start date and a short plan. */
public record NewAdoption(@Nullable LocalDate startedOn, @Nullable String plan) {
}
