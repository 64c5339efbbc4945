package org.methodportal.account.persistence;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.Role;

/** Bound parameters of the account filter; the patterns are escaped LIKE patterns. */
public record AccountQuery(@Nullable String textPattern, @Nullable String pinyinPattern, @Nullable Long departmentId,
                           @Nullable Long branchId, @Nullable Role role, @Nullable Boolean enabled) {
}
