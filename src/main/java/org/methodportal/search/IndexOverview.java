package org.methodportal.search;

import org.jspecify.annotations.Nullable;

/**
 * The search index as the administrators' page shows it.
 *
 * @param engine    which engine serves ("Lucene" embedded, or "Elasticsearch" with its alias)
 * @param documents documents in the serving index; null when the engine cannot be reached
 * @param backlog   outbox entries still to index
 * @param reindex   the reindex running now or the last one since this instance started
 * @param health    whether the index serves, or the portal rebuilds a damaged or missing one
 * @param backfill  the backfill of embeddings running now or the last one (disabled: semantic leg off)
 */
public record IndexOverview(String engine, @Nullable Long documents, OutboxBacklog backlog, ReindexStatus reindex,
                            IndexHealth health, BackfillStatus backfill) {
}
