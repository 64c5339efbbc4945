package org.methodportal.search;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Whether the search index can answer, as searches, the health endpoint and the administrators'
 * page see it. The index is derived from the database: when it is found damaged, missing or empty
 * the portal rebuilds it by itself, and searches say so instead of answering from an incomplete index.
 *
 * @param status   serving, being rebuilt, or failed (the rebuild is tried again later)
 * @param cause    why the index is (or was last) rebuilt by the portal itself; null while nothing happened
 * @param detail   the technical reason (the failure seen), for the administrators
 * @param setAside where the damaged index was moved aside and kept; null when nothing was left to keep
 * @param since    when the current status began
 * @param error    why the last automatic rebuild failed (status {@code FAILED})
 */
public record IndexHealth(Status status, @Nullable Cause cause, @Nullable String detail, @Nullable String setAside,
                          @Nullable Instant since, @Nullable String error) {

    public static final IndexHealth SERVING = new IndexHealth(Status.SERVING, null, null, null, null, null);

    public enum Status {
        /** The index answers searches. */
        SERVING,
        /** The portal is rebuilding the index from the database; searches answer "rebuilding" until it is complete. */
        REBUILDING,
        /** The automatic rebuild failed; searches answer "unavailable" and the rebuild is tried again. */
        FAILED
    }

    public enum Cause {
        /** The index could not be opened at start (e.g. corrupted files). */
        DAMAGED_AT_START,
        /** The index stopped working while the portal ran (files or directory gone, index or alias deleted). */
        DAMAGED,
        /** The index was empty or missing at start while the database holds methods. */
        EMPTY_AT_START
    }

    public boolean serving() {
        return status == Status.SERVING;
    }
}
