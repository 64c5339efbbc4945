package org.methodportal.notification;

/** The account stopped watching the method, and is not made to watch it again automatically. */
public record MethodUnwatched(long methodId, long accountId) implements WatchEvent {
}
