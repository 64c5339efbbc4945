package org.methodportal.glossary;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A standard term (标准术语) of the glossary with its local, colloquial or abbreviated variants
 * (地方话), its definition, an optional category and tags; {@code version} guards concurrent edits.
 */
public record StandardTerm(long id, String standard, List<String> variants, String definition,
                           @Nullable String category, List<String> tags, int version, Instant updatedAt) {

    public StandardTerm {
        variants = List.copyOf(variants);
        tags = List.copyOf(tags);
    }
}
