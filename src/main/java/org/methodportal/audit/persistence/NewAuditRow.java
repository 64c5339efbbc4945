package org.methodportal.audit.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An audit row to insert. */
public record NewAuditRow(Instant occurredAt, @Nullable String actor, String action, @Nullable String objectType,
                          @Nullable String objectId, @Nullable String detail, @Nullable String clientAddress) {
}
