package org.methodportal.method.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;

/**
 * A method row with the names of its origin and owner and the numbers of its revision pointers;
 * for a change request also its target and the target's published revision it was based on.
 */
public record MethodRow(long id, @Nullable String externalId, Category category, MethodStatus status,
                        long originDepartmentId, String departmentName, long originBranchId, String branchName,
                        long ownerId, String ownerName, @Nullable Long publishedRevisionId,
                        @Nullable Integer publishedRevisionNumber, long latestRevisionId, int latestRevisionNumber,
                        @Nullable String rawPractice, Instant createdAt, Instant updatedAt, int version,
                        @Nullable Long changeOfMethodId, @Nullable String changeOfTitle,
                        @Nullable Long basePublishedRevisionId, @Nullable Integer basePublishedRevisionNumber,
                        @Nullable Long submittedRevisionId, @Nullable Integer submittedRevisionNumber,
                        int reviewRound, @Nullable Instant submittedAt) {

    public boolean isChangeRequest() {
        return changeOfMethodId != null;
    }
}
