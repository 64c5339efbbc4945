package org.methodportal.adoption;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where "due for a report" begins today: an adoption started on or before {@code date} without a
 * report, or last reported before {@code instant} (the start of the day after {@code date}), has gone
 * the configured number of days without one — the same rule as {@link Adoption#reportDueOn}.
 */
record ReportCutoff(LocalDate date, Instant instant) {

    static ReportCutoff of(Clock clock, int afterDays) {
        LocalDate date = LocalDate.now(clock).minusDays(afterDays);
        return new ReportCutoff(date, date.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }
}
