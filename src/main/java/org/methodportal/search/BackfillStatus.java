package org.methodportal.search;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The backfill of embeddings running now, or else the last one since this instance started.
 *
 * @param enabled    the semantic leg is on (else there is nothing to backfill and the rest is empty)
 * @param running    a backfill is computing the embeddings of methods that have no current one
 * @param done       methods examined so far: those whose embedding was current, and those computed
 * @param total      methods in the database when it started (the progress bar's end)
 * @param computed   embeddings computed and stored so far (their methods queued for the index)
 * @param startedAt  null: no backfill since this instance started
 * @param finishedAt null while running
 * @param startedBy  the administrator's login, or "system" for the one at start
 * @param error      why the last backfill stopped early, null if it did not
 */
public record BackfillStatus(boolean enabled, boolean running, long done, long total, long computed,
                             @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String startedBy,
                             @Nullable String error) {

    public static final BackfillStatus OFF = new BackfillStatus(false, false, 0, 0, 0, null, null, null, null);
    public static final BackfillStatus NONE = new BackfillStatus(true, false, 0, 0, 0, null, null, null, null);

    /** How long it ran (or runs, measured at {@code now}); zero before the first backfill. */
    public Duration duration(Instant now) {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt, finishedAt != null ? finishedAt : now);
    }

    /** Embeddings computed per second (at {@code now} while running); 0 before the first. */
    public double rate(Instant now) {
        long millis = duration(now).toMillis();
        return millis <= 0 ? 0 : computed * 1000.0 / millis;
    }

    /** Done as a fraction of the total, 0..1. */
    public double fraction() {
        return total <= 0 ? (running ? 0 : 1) : Math.min(1.0, (double) done / total);
    }
}
