package org.methodportal.search;

/** An administrator started a rebuild of the search index from the database. */
public record SearchReindexStarted() implements SearchIndexEvent {

    @Override
    public String action() {
        return "search.reindex-started";
    }
}
