package org.methodportal.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One inbox item: what happened ({@code kind}, e.g. {@code proposal.submitted}, worded by the bundle
 * key {@code notification.kind.<kind>}), to which method, by whom, and whether it was read. A folded
 * item ({@code comment.posted}) stands for {@code eventCount} events by {@code actorCount} people,
 * the latest of whom is the actor. {@code anchor} is the element of the method page the item is about
 * (a comment, the review record), opened by {@link #link}; null for the page itself.
 */
public record InboxItem(long id, String kind, @Nullable Long methodId, String title, @Nullable Long actorId,
                           @Nullable String actorName, Instant createdAt, @Nullable Instant readAt, int eventCount,
                           int actorCount, @Nullable String anchor) {

    /** The method page's review record (its section's element id). */
    public static final String REVIEW_RECORD = "method-reviews";

    public boolean unread() {
        return readAt == null;
    }

    /**
     * The address of what the item is about, relative to the portal's root: the method page, with
     * {@code focus} naming the element to show; null for an item about no method.
     */
    @JsonProperty("link")
    public @Nullable String link() {
        if (methodId == null) {
            return null;
        }
        return "methods/" + methodId + (anchor == null ? "" : "?focus=" + anchor);
    }
}
