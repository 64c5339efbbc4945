package org.methodportal.search.ui;

import java.util.List;

import org.methodportal.search.SearchRebuildingException;
import org.methodportal.search.SearchService;
import org.methodportal.search.SearchUnavailableException;
import org.methodportal.ui.SearchSuggestions;
import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

/** Feeds the shell's search box: method titles lead to the method, glossary terms to a search. */
@Component
class HeaderSuggestions implements SearchSuggestions {

    static final String SEARCH_ROUTE = "search";

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
        } catch (SearchRebuildingException e) {
            // never "no completions" as if nothing matched: say why, and lead to the results page that says more
            return List.of(new Suggestion(I18NProvider.translate("search.rebuilding.suggestion"), SEARCH_ROUTE));
        } catch (SearchUnavailableException e) {
            // the box still works without completions: Enter searches and shows the unavailable state
            return List.of();
        }
    }
}
