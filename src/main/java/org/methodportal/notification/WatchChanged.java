package org.methodportal.notification;

import org.methodportal.shared.MethodEvent;

/** Someone started ({@code method.watched}) or stopped ({@code method.unwatched}) watching a method. */
public record WatchChanged(long methodId, boolean watching) implements MethodEvent {

    @Override
    public String action() {
        return watching ? "method.watched" : "method.unwatched";
    }
}
