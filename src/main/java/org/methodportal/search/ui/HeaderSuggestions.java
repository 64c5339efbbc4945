package org.methodportal.search.ui;

import java.util.List;

import org.methodportal.search.SearchService;
import org.methodportal.search.SearchUnavailableException;
import org.methodportal.ui.SearchSuggestions;
import org.springframework.stereotype.Component;

/** Feeds the shell's search box: method titles lead to the method, glossary terms to a search. */
@Component
class HeaderSuggestions implements SearchSuggestions {

    private final SearchService search;

    HeaderSuggestions(SearchService search) {
        this.search = search;
    }

    @Override
    public List<Suggestion> suggest(String text, int limit) {
        try {
            return search.suggest(text, limit).stream()
                    .map(s -> new Suggestion(s.text(), s.methodId() == null ? null : "methods/" + s.methodId()))
                    .toList();
        } catch (SearchUnavailableException e) {
            // the box still works without completions: Enter searches and shows the unavailable state
            return List.of();
        }
    }
}
