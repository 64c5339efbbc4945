package org.methodportal.search.api;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.search.FacetCount;
import org.methodportal.search.ReindexStatus;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.SearchResult;
import org.methodportal.search.SearchService;
import org.methodportal.search.SearchSort;
import org.methodportal.search.Suggestion;
import org.methodportal.shared.PortalException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Full-text search, suggestions, similar methods and the admin reindex. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "search", description = "搜索; only what the caller may see is returned or counted")
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/search")
    @Operation(summary = "Search methods. Without status only published ones; category as Chinese name or enum, "
            + "department as id, sort=relevance (default), newest or adopted (most branches using it first), "
            + "adopted=true for the methods some branch uses now (已被采用). Highlights are HTML-escaped fragments with "
            + "<mark> around matches. When the words of the text match nothing (any hits are only near in meaning), "
            + "didYouMean may offer a corrected text that finds some by its words. A text longer "
            + "than 200 characters is cut and only its start searched: truncated is then true. facetsApproximate is "
            + "true when the search matched more hits than its facets are counted over (portal.search.facet-sample, "
            + "default 5000): category, department, tag and year then count its most relevant hits only; total and "
            + "the status facet are always exact")
    SearchResponse search(@RequestParam(defaultValue = "") String q,
                          @RequestParam(required = false) @Nullable String category,
                          @RequestParam(required = false) @Nullable Long department,
                          @RequestParam(required = false) @Nullable MethodStatus status,
                          @RequestParam(required = false) @Nullable String tag,
                          @RequestParam(required = false) @Nullable Integer year,
                          @RequestParam(defaultValue = "relevance") String sort,
                          @RequestParam(defaultValue = "false") boolean adopted,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "20") int size) {
        var request = new SearchRequest(q, category(category), department, status, tag, year, sort(sort), page, size,
                adopted);
        return SearchResponse.of(search.search(request));
    }

    @GetMapping("/search/suggest")
    @Operation(summary = "Completions while typing: visible method titles and glossary terms by prefix or pinyin prefix")
    List<Suggestion> suggest(@RequestParam(defaultValue = "") String q) {
        return search.suggest(q, SearchService.SUGGESTIONS);
    }

    @GetMapping("/methods/{id}/similar")
    @Operation(summary = "Published methods most like this one (title, problem, measures)")
    List<Hit> similar(@PathVariable long id, @RequestParam(defaultValue = "5") int size) {
        return search.similar(id, size).stream().map(Hit::of).toList();
    }

    @PostMapping("/search/reindex")
    @Operation(summary = "Rebuild the index from the database in the background (admin); the old index serves "
            + "until the new one is complete. 202 with the progress; 409 search.reindex-running while one runs. "
            + "Follow the progress with GET /search/reindex")
    ResponseEntity<ReindexStatus> reindex() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(search.startReindex());
    }

    @GetMapping("/search/reindex")
    @Operation(summary = "The reindex running now with its progress (done of total), or else the last one since "
            + "this instance started (admin)")
    ReindexStatus reindexStatus() {
        return search.reindexStatus();
    }

    private static @Nullable Category category(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Category.fromName(name).orElseThrow(() -> PortalException.invalid("method.category-unknown", name));
    }

    private static SearchSort sort(String sort) {
        return switch (sort.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "", "relevance" -> SearchSort.RELEVANCE;
            case "newest" -> SearchSort.NEWEST;
            case "adopted" -> SearchSort.MOST_ADOPTED;
            default -> throw PortalException.invalid("search.sort-unknown", sort);
        };
    }

    /**
     * {@code didYouMean} ("您是不是要找") only when the text's words matched nothing (hits, if any, are near
     * in meaning only) and a correction finds something;
     * {@code truncated} when the text was longer than a search takes and only its start was searched;
     * {@code facetsApproximate} when the facets but the status count only the best hits of a search
     * that matched more.
     */
    record SearchResponse(long total, int page, int size, List<Hit> hits, Map<String, List<FacetCount>> facets,
                          boolean facetsApproximate,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String didYouMean, boolean truncated) {
        static SearchResponse of(SearchResult r) {
            return new SearchResponse(r.total(), r.page(), r.size(), r.hits().stream().map(Hit::of).toList(), r.facets(),
                    r.facetsApproximate(), r.didYouMean(), r.truncated());
        }
    }

    /** A hit in the corpus format's terms: category as its Chinese name. */
    record Hit(long id, @Nullable String externalId, String title, String category, String department,
               long departmentId, MethodStatus status, float score, Map<String, List<String>> highlights) {
        static Hit of(SearchHit h) {
            return new Hit(h.id(), h.externalId(), h.title(), h.category().chineseName(), h.department(),
                    h.departmentId(), h.status(), h.score(), h.highlights());
        }
    }
}
