package org.methodportal.search;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;

/**
 * What a user searches for; every filter is optional. Without a status only published methods are
 * searched (archived and merged ones only when asked for); {@code adopted} keeps those some branch
 * uses now (已被采用).
 */
public record SearchRequest(String text, @Nullable Category category, @Nullable Long departmentId,
                            @Nullable MethodStatus status, @Nullable String tag, @Nullable Integer year,
                            SearchSort sort, int page, int size, boolean adopted) {

    public static final int MAX_SIZE = 100;

    public SearchRequest {
        text = text == null ? "" : text.strip();
        tag = tag == null || tag.isBlank() ? null : tag.strip();
        sort = sort == null ? SearchSort.RELEVANCE : sort;
        page = Math.max(page, 0);
        size = Math.clamp(size, 1, MAX_SIZE);
    }

    /** A request without the 已被采用 filter. */
    public SearchRequest(String text, @Nullable Category category, @Nullable Long departmentId,
                         @Nullable MethodStatus status, @Nullable String tag, @Nullable Integer year, SearchSort sort,
                         int page, int size) {
        this(text, category, departmentId, status, tag, year, sort, page, size, false);
    }

    public static SearchRequest of(String text) {
        return new SearchRequest(text, null, null, null, null, null, SearchSort.RELEVANCE, 0, 20);
    }

    public SearchRequest withPage(int newPage) {
        return new SearchRequest(text, category, departmentId, status, tag, year, sort, newPage, size, adopted);
    }
}
