package org.methodportal.search;

import org.methodportal.shared.AuditableEvent;

/** An administrator started a rebuild of the search index from the database. */
public record SearchReindexStarted() implements AuditableEvent {

    @Override
    public String action() {
        return "search.reindex-started";
    }

    @Override
    public String objectType() {
        return "search-index";
    }

    @Override
    public String objectId() {
        return "methods";
    }
}
