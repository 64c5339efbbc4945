package org.methodportal.adoption;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One report on an adoption: how it is going, what came of it, a rating 1–5 and, if counted, how many took part. */
public record AdoptionReport(long id, long adoptionId, long methodId, String branchName, AdoptionStatus status,
                             String outcome, int rating, @Nullable Integer participants, long reportedById,
                             String reportedByName, Instant reportedAt) {
}
