package org.methodportal.method.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;

/** The columns of a method to insert; its revision pointers are set once the first revision exists. */
public record NewMethod(@Nullable String externalId, Category category, long originDepartmentId,
                        long originBranchId, long ownerId, MethodStatus status, @Nullable String rawPractice,
                        Instant createdAt, @Nullable Long changeOfMethodId,
                        @Nullable Long basePublishedRevisionId) {

    /** A new method (not a change request). */
    public NewMethod(@Nullable String externalId, Category category, long originDepartmentId, long originBranchId,
                     long ownerId, MethodStatus status, @Nullable String rawPractice, Instant createdAt) {
        this(externalId, category, originDepartmentId, originBranchId, ownerId, status, rawPractice, createdAt, null,
                null);
    }
}
