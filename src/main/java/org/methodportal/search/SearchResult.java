package org.methodportal.search;

import java.util.List;
import java.util.Map;

/**
 * A page of hits with the total count and the facets (category, department, status, tag, year)
 * of all hits the caller may see; the status facet ignores the status filter, so the other
 * statuses stay one click away.
 */
public record SearchResult(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets, int page,
                           int size) {

    public static final List<String> FACETS = List.of("category", "department", "status", "tag", "year");

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }
}
