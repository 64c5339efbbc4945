package org.methodportal.search.ui;

import java.util.Optional;

import org.methodportal.search.SearchRequest;
import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.Component;

/**
 * A control other modules add beside the total of a search with hits (e.g. exporting the result
 * as a document), so that the search page does not depend on them. Beans are shown in {@code @Order}.
 */
@NamedInterface("search-result-action")
public interface SearchResultAction {

    /** The control for the shown search (its filters and order, from its first hit), or empty. */
    Optional<Component> create(SearchRequest request);
}
