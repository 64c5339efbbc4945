package org.methodportal.method;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A method as the search index takes it: the shown revision (the published one, else the latest)
 * with the facts that decide who may see it (status, owner, origin department) and how many branches
 * use it now.
 */
public record MethodDocument(long id, @Nullable String externalId, MethodStatus status, long originDepartmentId,
                             String departmentName, String branchName, long ownerId, Instant createdAt,
                             Instant updatedAt, @Nullable String rawPractice, MethodContent content,
                             int adoptingBranches) {
}
