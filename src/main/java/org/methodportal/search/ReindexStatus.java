package org.methodportal.search;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The reindex running now, or else the last one this instance ran since it started.
 *
 * @param running    a reindex is filling a new index (the old one still serves)
 * @param done       methods written to the new index so far
 * @param total      methods in the database when it started (the progress bar's end)
 * @param startedAt  null: no reindex since this instance started
 * @param finishedAt null while running
 * @param startedBy  the administrator's login, or "system" for the start-up reindex
 * @param error      why the last reindex failed (the old index kept serving), null if it did not
 */
public record ReindexStatus(boolean running, long done, long total, @Nullable Instant startedAt,
                            @Nullable Instant finishedAt, @Nullable String startedBy, @Nullable String error) {

    public static final ReindexStatus NONE = new ReindexStatus(false, 0, 0, null, null, null, null);

    /** How long it ran (or runs, measured at {@code now}); zero before the first reindex. */
    public Duration duration(Instant now) {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt, finishedAt != null ? finishedAt : now);
    }

    /** Done as a fraction of the total, 0..1. */
    public double fraction() {
        return total <= 0 ? (running ? 0 : 1) : Math.min(1.0, (double) done / total);
    }
}
