package org.methodportal.search.persistence;

/** An outbox entry as the worker claims it. */
public record OutboxRow(long id, long methodId, int attempts) {
}
