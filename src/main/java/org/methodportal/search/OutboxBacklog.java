package org.methodportal.search;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the indexing worker still has to do: entries waiting, those among them that failed at least
 * once (deferred by the backoff), and when the oldest was written (null: nothing waits).
 */
public record OutboxBacklog(long pending, long failed, @Nullable Instant oldest) {
}
