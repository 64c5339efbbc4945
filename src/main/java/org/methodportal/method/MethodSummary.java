package org.methodportal.method;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A method as lists show it: the title and category of its published revision, or of its latest
 * revision while it has none. A change request names the method it proposes to change, and
 * whether it must be updated onto a newer published revision first ({@code baseOutdated}).
 * {@code adoptingBranches}: how many branches use it now (推广采用).
 */
public record MethodSummary(long id, @Nullable String externalId, String title, @Nullable String summary,
                            Category category, MethodStatus status, long originDepartmentId, String departmentName,
                            long originBranchId, String branchName, long ownerId, String ownerName,
                            int latestRevision, @Nullable Integer publishedRevision, Instant createdAt,
                            Instant updatedAt, @Nullable Long changeOfMethodId, boolean baseOutdated,
                            int adoptingBranches) {
}
