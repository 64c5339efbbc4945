package org.methodportal.account;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.AuditableEvent;

/**
 * A department, branch or account was created or changed by an administrator (or by its owner,
 * for password and language).
 */
public record OrganisationChanged(String action, String objectType, String objectId, @Nullable String detail)
        implements AuditableEvent {
}
