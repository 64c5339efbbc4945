package org.methodportal.merge.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodStatus;

/**
 * A source of a merge with the facts the merge needs about it: its status before the merge (what an
 * unmerge restores), its shown revision and title, its current status, and the standard entry the
 * merge produces (the merge proposal itself, or the target of a change-request merge).
 */
public record MergeSourceRow(long mergeMethodId, long sourceMethodId, int sortOrder, MethodStatus previousStatus,
                             int sourceRevision, @Nullable Instant appliedAt, @Nullable Instant undoneAt,
                             String title, MethodStatus status, long originDepartmentId, long ownerId,
                             long standardMethodId, MethodStatus mergeStatus) {

    public boolean isApplied() {
        return appliedAt != null && undoneAt == null;
    }
}
