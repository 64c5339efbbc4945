package org.methodportal.review.persistence;

import org.jspecify.annotations.Nullable;

public record QuorumRow(@Nullable Long departmentId, int approvalsRequired) {
}
