package org.methodportal.adoption;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One report on an adoption: how it is going, what came of it, a rating 1–5, if counted how many
 * took part, and the name and size in bytes of its attached file (both null when it has none).
 */
public record AdoptionReport(long id, long adoptionId, long methodId, long branchId, String branchName,
                             AdoptionStatus status, String outcome, int rating, @Nullable Integer participants,
                             long reportedById, String reportedByName, Instant reportedAt,
                             @Nullable String attachmentName, @Nullable Long attachmentSize) {

    public boolean hasAttachment() {
        return attachmentName != null;
    }
}
