package org.methodportal.glossary;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.AuditableEvent;

/**
 * A glossary term was created, changed or deleted, or a glossary file was imported; audited, and
 * the glossary's cached terms are reloaded after commit.
 */
public record GlossaryTermChanged(String action, String objectId, @Nullable String detail) implements AuditableEvent {

    static final String CREATED = "glossary.created";
    static final String UPDATED = "glossary.updated";
    static final String DELETED = "glossary.deleted";
    static final String IMPORTED = "glossary.imported";

    @Override
    public String objectType() {
        return "glossary-term";
    }
}
