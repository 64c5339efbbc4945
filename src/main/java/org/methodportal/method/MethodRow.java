package org.methodportal.method;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A method row with the names of its origin and owner and the numbers of its revision pointers;
 * for a change request also its target, the target's published revision it was based on and the
 * target's published revision now.
 */
public record MethodRow(long id, @Nullable String externalId, Category category, MethodStatus status,
                        long originDepartmentId, String departmentName, long originBranchId, String branchName,
                        long ownerId, String ownerName, @Nullable Long publishedRevisionId,
                        @Nullable Integer publishedRevisionNumber, long latestRevisionId, int latestRevisionNumber,
                        @Nullable String rawPractice, Instant createdAt, Instant updatedAt, int version,
                        @Nullable Long changeOfMethodId, @Nullable String changeOfTitle,
                        @Nullable Long basePublishedRevisionId, @Nullable Integer basePublishedRevisionNumber,
                        @Nullable Long submittedRevisionId, @Nullable Integer submittedRevisionNumber,
                        int reviewRound, @Nullable Instant submittedAt, @Nullable Long targetPublishedRevisionId,
                        @Nullable Integer targetPublishedRevisionNumber, int adoptingBranches) {

    public boolean isChangeRequest() {
        return changeOfMethodId != null;
    }

    /**
     * A change request still open whose target has published a revision since the request's base:
     * it must be brought onto that revision (rebased) before it can be approved.
     */
    public boolean baseOutdated() {
        return changeOfMethodId != null && targetPublishedRevisionId != null
                && !targetPublishedRevisionId.equals(basePublishedRevisionId)
                && (status == MethodStatus.DRAFT || status == MethodStatus.IN_REVIEW
                    || status == MethodStatus.CHANGES_REQUESTED);
    }
}
