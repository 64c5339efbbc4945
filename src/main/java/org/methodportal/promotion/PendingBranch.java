package org.methodportal.promotion;

/** A targeted branch that has not decided yet. */
public record PendingBranch(long branchId, String branchName, String departmentName) {
}
