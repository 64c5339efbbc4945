package org.methodportal.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A department (部门), e.g. 财政部. */
public record Department(long id, String name, @Nullable String code, boolean enabled, long branchCount,
                         Instant createdAt, int version) {
}
