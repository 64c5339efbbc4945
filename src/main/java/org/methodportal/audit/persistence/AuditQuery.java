package org.methodportal.audit.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Bound parameters of the audit filter; {@code actionPrefix} ends with "%". */
public record AuditQuery(@Nullable String actorPattern, @Nullable String actionPrefix, @Nullable String objectId,
                         @Nullable Instant from, @Nullable Instant to) {
}
