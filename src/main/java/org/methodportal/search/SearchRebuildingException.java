package org.methodportal.search;

import java.time.Duration;

/**
 * The portal is rebuilding a damaged or missing search index from the database: searching would
 * answer from an incomplete index, so it is refused until the rebuild completes (REST: 503 with
 * {@code Retry-After}). A kind of "unavailable", so every caller that copes with that copes with this.
 */
public class SearchRebuildingException extends SearchUnavailableException {

    private final long done;
    private final long total;
    private final Duration retryAfter;

    public SearchRebuildingException(long done, long total, Duration retryAfter) {
        super("search.rebuilding", done, total);
        this.done = done;
        this.total = total;
        this.retryAfter = retryAfter;
    }

    /** Methods indexed so far. */
    public long done() {
        return done;
    }

    /** Methods to index (0 while not yet counted). */
    public long total() {
        return total;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
