package org.methodportal.search.engine;

import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * The text an embedding is computed from, the same for an indexed method, a draft being written
 * and a search: the parts in their searchable form, one per line, blank ones left out.
 */
public final class SemanticText {

    /** Characters embedded at most: the model reads about 512 tokens, and the start says what a text is about. */
    public static final int MAX_LENGTH = 500;

    private SemanticText() {
    }

    public static String of(@Nullable String... parts) {
        var text = new StringJoiner("\n");
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.add(part.strip());
            }
        }
        String joined = text.toString();
        return joined.length() <= MAX_LENGTH ? joined : joined.substring(0, MAX_LENGTH);
    }
}
