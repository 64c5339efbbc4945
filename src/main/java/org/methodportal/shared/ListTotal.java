package org.methodportal.shared;

/**
 * The size of a list counted no further than a cap, as large lists are shown: exact up to the cap,
 * otherwise "more than {@code value}". Counting every match of a broad filter over 100,000 methods
 * for each page was most of the list's cost (docs/benchmarks.md, "Load").
 */
public record ListTotal(long value, boolean exact) {

    /** Lists count exactly up to this many rows. */
    public static final int EXACT_UP_TO = 2_000;

    /** What a count limited to {@link #countLimit()} rows found. */
    public static ListTotal counted(long rows) {
        return rows > EXACT_UP_TO ? new ListTotal(EXACT_UP_TO, false) : new ListTotal(rows, true);
    }

    /** The rows a count reads at most: one beyond the cap tells that there are more. */
    public static long countLimit() {
        return EXACT_UP_TO + 1L;
    }
}
