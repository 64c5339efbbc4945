package org.methodportal.method;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.MethodEvent;

/**
 * An import created or changed a method (beside the {@link MethodRevisionEvent} of any revision it
 * wrote): the source id and the status the method has now.
 */
public record MethodImported(long methodId, String externalId, boolean created, MethodStatus status)
        implements MethodEvent {

    @Override
    public String action() {
        return created ? "method.imported" : "method.reimported";
    }

    @Override
    public @Nullable String detail() {
        return externalId + " " + status;
    }
}
