package org.methodportal.notification;

import org.methodportal.shared.AuditableEvent;

/** Someone started ({@code method.watched}) or stopped ({@code method.unwatched}) watching a method. */
public record WatchChanged(long methodId, boolean watching) implements AuditableEvent {

    @Override
    public String action() {
        return watching ? "method.watched" : "method.unwatched";
    }

    @Override
    public String objectType() {
        return "method";
    }

    @Override
    public String objectId() {
        return String.valueOf(methodId);
    }
}
