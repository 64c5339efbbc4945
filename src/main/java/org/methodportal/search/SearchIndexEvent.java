package org.methodportal.search;

import org.methodportal.shared.AuditableEvent;

/** Something that happened to the search index as a whole; audited against the index of methods. */
public sealed interface SearchIndexEvent extends AuditableEvent
        permits SearchReindexStarted, SearchReindexFinished, SearchIndexSetAside {

    @Override
    default String objectType() {
        return "search-index";
    }

    @Override
    default String objectId() {
        return "methods";
    }
}
