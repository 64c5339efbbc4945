package org.methodportal.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Completions for the search box of the shell. The search module provides the bean; the shell
 * depends on no feature module, so it only knows this interface.
 */
public interface SearchSuggestions {

    /** Up to {@code limit} completions of what was typed, for the signed-in user. */
    List<Suggestion> suggest(String text, int limit);

    /**
     * A completion: its text, and where picking it leads: a route (e.g. {@code methods/12}), or,
     * when {@code route} is null, a search for {@code text}.
     */
    record Suggestion(String text, @Nullable String route) {
    }
}
