package org.methodportal.notification;

/**
 * Whether the caller watches a method. {@code methodId} is the method watched: for a change request
 * that is its target, as watchers follow the published method and the proposals against it.
 */
public record WatchState(long methodId, boolean watching) {
}
