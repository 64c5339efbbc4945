package org.methodportal.search;

import org.jspecify.annotations.Nullable;

/** A rebuild of the search index ended: swapped in with its count, or failed (the old index kept serving). */
public record SearchReindexFinished(String startedBy, long count, long millis, @Nullable String error)
        implements SearchIndexEvent {

    @Override
    public String action() {
        return error == null ? "search.reindex-completed" : "search.reindex-failed";
    }

    @Override
    public String detail() {
        return error == null ? count + " methods in " + millis + " ms" : count + " methods before failing: " + error;
    }

    @Override
    public String actor() {
        return startedBy;
    }
}
