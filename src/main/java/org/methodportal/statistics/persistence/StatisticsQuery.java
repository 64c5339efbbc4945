package org.methodportal.statistics.persistence;

import java.time.Instant;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * The filter as the SQL takes it: {@code departmentIds} null for all departments (never empty: the
 * service asks nothing then), {@code category} the enum name or null, the period as the half-open
 * interval [{@code from}, {@code to}) with either end open when null.
 */
public record StatisticsQuery(@Nullable Collection<Long> departmentIds, @Nullable String category,
                              @Nullable Instant from, @Nullable Instant to) {
}
