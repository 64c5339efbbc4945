package org.methodportal.glossary;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What an editor enters for a glossary term; the service trims it and drops blank and repeated entries. */
public record TermForm(String standard, List<String> variants, String definition, @Nullable String category,
                       List<String> tags) {

    public TermForm {
        variants = List.copyOf(variants);
        tags = List.copyOf(tags);
    }
}
