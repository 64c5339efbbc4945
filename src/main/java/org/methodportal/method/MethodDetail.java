package org.methodportal.method;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A method page: the method's identity, origin and status with the revision to show, which is the
 * published one, or the latest one for those who may see unpublished work. A change request also
 * names its target and the target's published revision it was written against; a submitted
 * proposal its revision under review and review round. {@code baseOutdated}: an open change
 * request whose target published {@code targetPublishedRevision} since its base, so that it must
 * be updated (rebased) before it can be approved. {@code adoptingBranches}: how many branches use it
 * now (推广采用).
 */
public record MethodDetail(long id, @Nullable String externalId, MethodStatus status, long originDepartmentId,
                         String departmentName, long originBranchId, String branchName, long ownerId,
                         String ownerName, @Nullable String rawPractice, Instant createdAt, Instant updatedAt,
                         int latestRevision, @Nullable Integer publishedRevision, Revision revision,
                         @Nullable Long changeOfMethodId, @Nullable String changeOfTitle,
                         @Nullable Integer basePublishedRevision, @Nullable Integer submittedRevision,
                         int reviewRound, @Nullable Instant submittedAt, @Nullable Integer targetPublishedRevision,
                         boolean baseOutdated, int adoptingBranches) {

    /** A change request (修改提案) against the published method {@code changeOfMethodId}. */
    public boolean isChangeRequest() {
        return changeOfMethodId != null;
    }
}
