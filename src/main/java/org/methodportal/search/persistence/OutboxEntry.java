package org.methodportal.search.persistence;

/** A method to index and the action that asked for it, as an outbox row to insert. */
public record OutboxEntry(long methodId, String action) {
}
