package org.methodportal.method;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.AuditableEvent;

/**
 * An import created or changed a method (beside the {@link MethodRevised} of any revision it
 * wrote): the source id and the status the method has now.
 */
public record MethodImported(long methodId, String externalId, boolean created, MethodStatus status)
        implements AuditableEvent {

    @Override
    public String action() {
        return created ? "method.imported" : "method.reimported";
    }

    @Override
    public String objectType() {
        return "method";
    }

    @Override
    public String objectId() {
        return String.valueOf(methodId);
    }

    @Override
    public @Nullable String detail() {
        return externalId + " " + status;
    }
}
