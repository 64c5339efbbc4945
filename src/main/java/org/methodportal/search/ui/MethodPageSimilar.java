package org.methodportal.search.ui;

import java.util.List;
import java.util.Set;

import org.methodportal.search.SearchService;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.SimilarMethods;
import org.springframework.stereotype.Component;

/**
 * "Similar methods" on the method page (and the merge candidates offered from it) and the
 * duplicate warning of the editor, from {@link SearchService#similar} and
 * {@link SearchService#similarToText}: nearest embeddings fused with shared words.
 */
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
                    .map(hit -> new Link(hit.id(), hit.title(), "methods/" + hit.id())).toList();
        } catch (PortalException e) {
            // engine unavailable or method not visible: the page simply shows no list
            return List.of();
        }
    }

    @Override
    public List<Link> similarToDraft(String title, String problem, Set<Long> excluded, int limit) {
        try {
            return search.similarToText(title, problem, excluded, limit).stream()
                    .map(hit -> new Link(hit.id(), hit.title(), "methods/" + hit.id())).toList();
        } catch (PortalException e) {
            // engine unavailable: drafting goes on without the warning
            return List.of();
        }
    }
}
