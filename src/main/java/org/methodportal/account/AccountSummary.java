package org.methodportal.account;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.Role;

/** An account as lists and the API show it. */
public record AccountSummary(long id, String login, String displayName, long branchId, String branchName,
                             long departmentId, String departmentName, Set<Role> roles,
                             Set<Long> reviewerDepartmentIds, boolean enabled, @Nullable String locale,
                             Instant createdAt, @Nullable Instant lastLoginAt, int version) {
}
