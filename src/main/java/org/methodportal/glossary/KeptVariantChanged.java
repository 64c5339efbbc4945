package org.methodportal.glossary;

import org.methodportal.shared.AuditableEvent;

/** The author of a method kept a local wording (忽略) or took that back; audited. */
public record KeptVariantChanged(String action, String objectId, String detail) implements AuditableEvent {

    static final String KEPT = "glossary.variant-kept";
    static final String RELEASED = "glossary.variant-released";

    @Override
    public String objectType() {
        return "method";
    }
}
