package org.methodportal.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Filter of the audit trail; every part is optional. {@code action} matches a prefix ("login."). */
public record AuditFilter(@Nullable String actor, @Nullable String action, @Nullable String objectId,
                          @Nullable Instant from, @Nullable Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
