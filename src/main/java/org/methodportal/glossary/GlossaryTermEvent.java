package org.methodportal.glossary;

import org.methodportal.shared.AuditableEvent;

/**
 * A glossary term was created, changed or deleted, or a glossary file was imported; audited in the
 * publisher's transaction under the action names kept here (stored audit rows use these names).
 */
public sealed interface GlossaryTermEvent extends AuditableEvent
        permits TermCreated, TermUpdated, TermDeleted, TermsImported {

    @Override
    default String action() {
        return switch (this) {
            case TermCreated e -> "glossary.created";
            case TermUpdated e -> "glossary.updated";
            case TermDeleted e -> "glossary.deleted";
            case TermsImported e -> "glossary.imported";
        };
    }

    @Override
    default String objectType() {
        return "glossary-term";
    }
}
