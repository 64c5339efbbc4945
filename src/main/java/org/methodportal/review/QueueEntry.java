package org.methodportal.review;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A proposal waiting for the caller's review, with how long it has waited and its round;
 * {@code baseOutdated}: a change request written against an older published version, which its
 * author must update before it can be reviewed.
 */
public record QueueEntry(long methodId, String title, @Nullable Long changeOfMethodId, long originDepartmentId,
                         String departmentName, long ownerId, String ownerName, int submittedRevision, int round,
                         Instant submittedAt, int approvals, boolean baseOutdated) {
}
