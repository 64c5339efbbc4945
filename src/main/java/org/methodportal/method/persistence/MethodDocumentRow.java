package org.methodportal.method.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;

/** A method joined with its shown revision (published, else latest), for the search index. */
public record MethodDocumentRow(long id, @Nullable String externalId, MethodStatus status, long originDepartmentId,
                                String departmentName, String branchName, long ownerId, Instant createdAt,
                                Instant updatedAt, @Nullable String rawPractice, long revisionId, String title,
                                @Nullable String summary, Category category, String problem, @Nullable String concept,
                                @Nullable String outcomes, @Nullable String applicability, @Nullable String body,
                                int adoptingBranches) {
}
