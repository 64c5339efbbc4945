package org.methodportal.account.persistence;

import org.jspecify.annotations.Nullable;

/** Bound parameters of the branch filter; {@code textPattern} is an escaped LIKE pattern. */
public record BranchQuery(@Nullable String textPattern, @Nullable Long departmentId, @Nullable Boolean enabled) {
}
