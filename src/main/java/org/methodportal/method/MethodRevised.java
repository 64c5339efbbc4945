package org.methodportal.method;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.AuditableEvent;

/**
 * A method was created ({@code method.created}) or got a new revision ({@code method.revised}):
 * listeners (audit, search outbox) get the method id and the new revision number.
 */
public record MethodRevised(String action, long methodId, int revisionNumber, String title) implements AuditableEvent {

    public static MethodRevised created(long methodId, String title) {
        return new MethodRevised("method.created", methodId, 1, title);
    }

    public static MethodRevised revised(long methodId, int revisionNumber, String title) {
        return new MethodRevised("method.revised", methodId, revisionNumber, title);
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
        return "r" + revisionNumber + " " + title;
    }
}
