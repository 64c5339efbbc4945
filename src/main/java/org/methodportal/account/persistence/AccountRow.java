package org.methodportal.account.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One account joined with its branch and department; roles are read separately.
 * {@code passwordChangeRequired}: its password was chosen by someone else and must be changed at sign-in.
 */
public record AccountRow(long id, String login, String displayName, String passwordHash, long branchId,
                         String branchName, long departmentId, String departmentName, boolean enabled,
                         @Nullable String locale, Instant createdAt, @Nullable Instant lastLoginAt, int version,
                         long securityStamp, boolean passwordChangeRequired) {
}
