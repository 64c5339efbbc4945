package org.methodportal.search.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The shared reindex row: the lease (instance, heartbeat) and the progress of the current or last reindex. */
public record ReindexRow(boolean running, @Nullable String instance, @Nullable String startedBy,
                         @Nullable Instant startedAt, @Nullable Instant heartbeatAt, @Nullable Instant finishedAt,
                         long total, long done, @Nullable String error) {
}
