package org.methodportal.account;

import java.time.Instant;

/** A party branch (党支部) of a department. */
public record Branch(long id, long departmentId, String departmentName, String name, boolean enabled,
                     long accountCount, Instant createdAt, int version) {
}
