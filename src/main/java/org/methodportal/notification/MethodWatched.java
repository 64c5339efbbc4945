package org.methodportal.notification;

/** The account started watching the method. */
public record MethodWatched(long methodId, long accountId) implements WatchEvent {
}
