package org.methodportal.search;

/**
 * The outbox worker indexed methods by their words alone because too many lacked an embedding to
 * compute while indexing (a bulk import, many changes at once); {@code fromId} is the lowest of
 * them. The backfill computes their embeddings in the background and queues them again.
 */
record EmbeddingsDeferred(long fromId, int count) {
}
