package org.methodportal.account.persistence;

import org.jspecify.annotations.Nullable;

/** What decides whether a signed-in session of an account may go on; the reason names the last stamp change. */
public record SecurityStateRow(long securityStamp, @Nullable String securityStampReason, boolean enabled) {
}
