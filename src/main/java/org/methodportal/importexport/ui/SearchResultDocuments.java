package org.methodportal.importexport.ui;

import java.util.Optional;

import org.methodportal.importexport.MethodFileService;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.ui.SearchResultAction;
import org.springframework.core.annotation.Order;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

/** The search page's "PDF" and "Word" downloads: the result's first hits in one document with contents. */
@org.springframework.stereotype.Component
@Order(10)
class SearchResultDocuments implements SearchResultAction {

    private final MethodFileService files;

    SearchResultDocuments(MethodFileService files) {
        this.files = files;
    }

    @Override
    public Optional<Component> create(SearchRequest request) {
        var locale = UI.getCurrent().getLocale();
        return Optional.of(new DocumentLinks("search-document", files.pdfAvailable(),
                format -> files.searchResult(request, format, locale)));
    }
}
