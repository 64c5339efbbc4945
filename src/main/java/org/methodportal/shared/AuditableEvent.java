package org.methodportal.shared;

import org.jspecify.annotations.Nullable;

/**
 * A domain event that leaves a row in the audit trail. The audit module records it inside the
 * publisher's transaction, so the change and its audit row commit together.
 */
public interface AuditableEvent {

    /** A stable action name such as {@code account.created}. */
    String action();

    String objectType();

    String objectId();

    /** A short human-readable detail; never a password or a whole body. */
    default @Nullable String detail() {
        return null;
    }

    /** The actor when it is not the signed-in user (e.g. a failed login); null means "current user". */
    default @Nullable String actor() {
        return null;
    }

    /** The client address when it is known better than from the current request. */
    default @Nullable String clientAddress() {
        return null;
    }
}
