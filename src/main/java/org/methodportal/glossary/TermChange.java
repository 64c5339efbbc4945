package org.methodportal.glossary;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One change of a glossary term as it shows in the term's history: what was done ("created",
 * "updated", "deleted"), by whom and when, and the term as it stood after the change.
 */
public record TermChange(String action, String standard, List<String> variants, String definition,
                         @Nullable String changedBy, Instant changedAt) {

    public TermChange {
        variants = List.copyOf(variants);
    }
}
