package org.methodportal.glossary;

import org.methodportal.shared.MethodEvent;

/**
 * The author of a method kept a local wording (忽略) or took that back; audited under the action
 * names kept here, and the method is queued for indexing.
 */
public sealed interface KeptVariantEvent extends MethodEvent permits VariantKept, VariantReleased {

    String variant();

    @Override
    default String action() {
        return switch (this) {
            case VariantKept e -> "glossary.variant-kept";
            case VariantReleased e -> "glossary.variant-released";
        };
    }

    @Override
    default String detail() {
        return variant();
    }
}
