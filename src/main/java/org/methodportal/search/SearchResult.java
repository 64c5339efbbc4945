package org.methodportal.search;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.methodportal.search.engine.QueryTerms;
import org.methodportal.search.engine.SearchIndex;

/**
 * A page of hits with the total count and the facets (category, department, status, tag, year)
 * of all hits the caller may see; the status facet ignores the status filter, so the other
 * statuses stay one click away. {@code didYouMean} is a corrected search text ("您是不是要找") when
 * nothing was found and a correction finds something, else null. {@code truncated}: the text was longer
 * than a search takes and only its start was searched. {@code facetsApproximate}: the search matched more
 * hits than the facets are counted over ({@link SearchIndex#FACET_SAMPLE}), so every facet but the
 * status counts only its best hits; the total and the status facet stay exact.
 */
public record SearchResult(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets, int page,
                           int size, @Nullable String didYouMean, boolean truncated, boolean facetsApproximate) {

    /** Characters of a search text that are searched; the rest is cut. */
    public static final int MAX_TEXT_LENGTH = QueryTerms.MAX_LENGTH;

    public static final List<String> FACETS = List.of("category", "department", "status", "tag", "year");

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    /** A result with exact facets as the engines return it, without a correction. */
    public SearchResult(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets, int page, int size) {
        this(total, hits, facets, page, size, null, false, false);
    }

    /** A result as the engines return it, without a correction. */
    public SearchResult(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets, int page, int size,
                        boolean facetsApproximate) {
        this(total, hits, facets, page, size, null, false, facetsApproximate);
    }

    /** A result with exact facets and a correction, of a text searched whole. */
    public SearchResult(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets, int page, int size,
                        @Nullable String didYouMean) {
        this(total, hits, facets, page, size, didYouMean, false, false);
    }
}
