package org.methodportal.method;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A method page: the method's identity, origin and status with the revision to show, which is the
 * published one, or the latest one for those who may see unpublished work.
 */
public record MethodView(long id, @Nullable String externalId, MethodStatus status, long originDepartmentId,
                         String departmentName, long originBranchId, String branchName, long ownerId,
                         String ownerName, @Nullable String rawPractice, Instant createdAt, Instant updatedAt,
                         int latestRevision, @Nullable Integer publishedRevision, Revision revision) {
}
