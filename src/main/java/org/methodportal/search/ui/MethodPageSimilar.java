package org.methodportal.search.ui;

import java.util.List;

import org.methodportal.search.SearchService;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.SimilarMethods;
import org.springframework.stereotype.Component;

/** "Similar methods" on the method page, from more-like-this over title, problem and measures. */
@Component
class MethodPageSimilar implements SimilarMethods {

    private final SearchService search;

    MethodPageSimilar(SearchService search) {
        this.search = search;
    }

    @Override
    public List<Link> similarTo(long methodId, int limit) {
        try {
            return search.similar(methodId, limit).stream()
                    .map(hit -> new Link(hit.title(), "methods/" + hit.id())).toList();
        } catch (PortalException e) {
            // engine unavailable or method not visible: the page simply shows no list
            return List.of();
        }
    }
}
