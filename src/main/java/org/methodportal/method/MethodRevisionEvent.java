package org.methodportal.method;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.MethodEvent;

/**
 * A method was created or got a new revision, one record per fact: audit and search outbox follow
 * it, audited under the action names kept here (stored audit rows use them).
 */
public sealed interface MethodRevisionEvent extends MethodEvent {

    int revisionNumber();

    String title();

    @Override
    default String action() {
        return switch (this) {
            case MethodCreated e -> "method.created";
            case MethodRevised e -> "method.revised";
        };
    }

    @Override
    default @Nullable String detail() {
        return "r" + revisionNumber() + " " + title();
    }

    /**
     * A method was created with its first revision, owned by {@code ownerId}, by {@code actorId};
     * {@code imported} when an import brought it in (nobody wrote it in the portal).
     */
    record MethodCreated(long methodId, String title, long ownerId, long actorId, boolean imported)
            implements MethodRevisionEvent {

        @Override
        public int revisionNumber() {
            return 1;
        }
    }

    /** A method (a change request, too) got revision {@code revisionNumber}. */
    record MethodRevised(long methodId, int revisionNumber, String title) implements MethodRevisionEvent {
    }
}
