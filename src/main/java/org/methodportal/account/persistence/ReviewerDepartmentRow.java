package org.methodportal.account.persistence;

public record ReviewerDepartmentRow(long accountId, long departmentId) {
}
