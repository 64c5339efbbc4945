package org.methodportal.search.engine;

import org.methodportal.search.SearchResult;

/**
 * Runs a planned search, and once more relaxed when it finds (almost) nothing for a text naming
 * several words: most of the words of a question or a described problem are seldom all in one
 * entry, while a title or a keyword should not bring in entries sharing half of it. A second query
 * only for such searches, so the usual one costs nothing more.
 */
public final class RelaxedSearch {

    private RelaxedSearch() {
    }

    /** The result of the query, or of the query relaxed ({@link QueryText#relaxed}) when that finds more. */
    public static SearchResult search(SearchIndex index, IndexQuery query) {
        SearchResult strict = index.search(query);
        if (strict.total() >= Ranking.RELAX_BELOW || !relaxable(query)) {
            return strict;
        }
        SearchResult relaxed = index.search(relaxed(query));
        return relaxed.total() > strict.total() ? relaxed : strict;
    }

    static boolean relaxable(IndexQuery query) {
        return !query.texts().isEmpty()
                && Ranking.words(query.texts().getFirst().required()).size() >= Ranking.RELAX_MIN_WORDS;
    }

    static IndexQuery relaxed(IndexQuery query) {
        return new IndexQuery(query.texts().stream().map(QueryText::relax).toList(), query.pinyin(), query.initials(),
                query.statuses(), query.category(), query.departmentId(), query.tag(), query.year(), query.viewer(),
                query.newestFirst(), query.offset(), query.limit());
    }
}
