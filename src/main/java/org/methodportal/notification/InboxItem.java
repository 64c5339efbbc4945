package org.methodportal.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One inbox item: what happened ({@code kind}, e.g. {@code proposal.submitted}, worded by the bundle
 * key {@code notification.kind.<kind>}), to which method, by whom, and whether it was read. A folded
 * item ({@code comment.posted}) stands for {@code eventCount} events by {@code actorCount} people,
 * the latest of whom is the actor.
 */
public record InboxItem(long id, String kind, @Nullable Long methodId, String title, @Nullable Long actorId,
                           @Nullable String actorName, Instant createdAt, @Nullable Instant readAt, int eventCount,
                           int actorCount) {

    public boolean unread() {
        return readAt == null;
    }
}
