package org.methodportal.search;

import org.jspecify.annotations.Nullable;

/** A completion for the search box: a method title (with its id) or a glossary term. */
public record Suggestion(String text, Kind kind, @Nullable Long methodId) {

    public enum Kind { TITLE, TERM }
}
