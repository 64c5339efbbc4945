package org.methodportal.search.engine;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.search.SearchSort;

/**
 * A search as the application planned it for the adapters: the text and its glossary alternatives,
 * the pinyin readings of Latin input, filters, visibility, order and page.
 *
 * @param texts    what was typed, then the same with glossary synonyms substituted (may be empty: browse all),
 *                 each with the part a document must mostly contain
 * @param pinyin   syllables when the input contains Latin letters that read as pinyin ("wu dui jie")
 * @param initials letters of a short Latin input taken as pinyin initials ("w d j"), else null
 * @param statuses statuses searched (at least one)
 * @param adopted  only methods some branch uses now (已被采用)
 * @param order    relevance, or by a field ({@link #byField()}): newest first or most adopted first
 * @param vector   the embedding of the typed text ({@link Embedder}) when the semantic leg is on, else null:
 *                 the adapters then add the methods nearest to it to the lexical matches and fuse both rankings
 *                 ({@link HybridRanking})
 */
public record IndexQuery(List<QueryText> texts, List<String> pinyin, @Nullable String initials, Set<String> statuses,
                         @Nullable String category, @Nullable Long departmentId, @Nullable String tag,
                         @Nullable Integer year, boolean adopted, Viewer viewer, SearchSort order, int offset,
                         int limit, float @Nullable [] vector) {

    public IndexQuery {
        texts = List.copyOf(texts);
        pinyin = List.copyOf(pinyin);
        statuses = Set.copyOf(statuses);
    }

    /** A lexical query (no semantic leg), by relevance or newest first, adopted or not. */
    public IndexQuery(List<QueryText> texts, List<String> pinyin, @Nullable String initials, Set<String> statuses,
                      @Nullable String category, @Nullable Long departmentId, @Nullable String tag,
                      @Nullable Integer year, Viewer viewer, boolean newestFirst, int offset, int limit) {
        this(texts, pinyin, initials, statuses, category, departmentId, tag, year, false, viewer,
                newestFirst ? SearchSort.NEWEST : SearchSort.RELEVANCE, offset, limit, null);
    }

    /** The same query for another page. */
    public IndexQuery page(int pageOffset, int pageLimit) {
        return new IndexQuery(texts, pinyin, initials, statuses, category, departmentId, tag, year, adopted, viewer,
                order, pageOffset, pageLimit, vector);
    }

    /** The same query with the semantic leg searching near this embedding (null: lexical only). */
    public IndexQuery withVector(float @Nullable [] embedding) {
        return new IndexQuery(texts, pinyin, initials, statuses, category, departmentId, tag, year, adopted, viewer,
                order, offset, limit, embedding);
    }

    /** Ordered by a field (newest, most adopted) rather than by how well each hit matches. */
    public boolean byField() {
        return order != SearchSort.RELEVANCE;
    }

    public boolean matchesAll() {
        return texts.isEmpty() && pinyin.isEmpty() && initials == null;
    }
}
