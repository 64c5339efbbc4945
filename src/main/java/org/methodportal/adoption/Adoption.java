package org.methodportal.adoption;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * A branch's adoption of a method (本支部采用): since when, with what plan, by whom; open until a
 * report says it stopped. {@code latestStatus} and {@code latestRating} are those of its newest
 * report, null before the first; {@code lastReportedAt} is when that report came.
 */
public record Adoption(long id, long methodId, String methodTitle, long branchId, String branchName, String departmentName,
                       long adoptedById, String adoptedByName, LocalDate startedOn, @Nullable String plan,
                       Instant createdAt, @Nullable Instant stoppedAt, int reportCount,
                       @Nullable AdoptionStatus latestStatus, @Nullable Integer latestRating,
                       @Nullable Instant lastReportedAt) {

    /** The element id of the adoption block on the method page, where links about adoptions point. */
    public static final String ELEMENT_ID = "method-adoption";

    public boolean open() {
        return stoppedAt == null;
    }

    /** The day a report is due: {@code afterDays} past the day of the newest report, or of the start before the first. */
    public LocalDate reportDueOn(int afterDays, ZoneId zone) {
        LocalDate since = lastReportedAt == null ? startedOn : LocalDate.ofInstant(lastReportedAt, zone);
        return since.plusDays(afterDays);
    }
}
