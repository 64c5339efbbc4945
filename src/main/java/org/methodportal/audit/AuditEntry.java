package org.methodportal.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One row of the audit trail. */
public record AuditEntry(long id, Instant occurredAt, @Nullable String actor, String action,
                         @Nullable String objectType, @Nullable String objectId, @Nullable String detail,
                         @Nullable String clientAddress) {
}
