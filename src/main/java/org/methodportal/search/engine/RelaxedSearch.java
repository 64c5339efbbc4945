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

    /**
     * The result of the query, or of the query relaxed ({@link QueryText#relaxation}) step by step
     * while it finds fewer than {@link Ranking#RELAX_BELOW}: half of the terms, then any of them.
     */
    public static SearchResult search(SearchIndex index, IndexQuery query) {
        if (query.vector() != null && relaxable(query)) {
            return hybrid(index, query);
        }
        SearchResult result = index.search(query);
        if (!relaxable(query)) {
            return result;
        }
        for (int level = Ranking.HALF; level <= Ranking.ANY && result.total() < Ranking.RELAX_BELOW; level++) {
            SearchResult relaxed = index.search(relaxed(query, level));
            if (relaxed.total() > result.total()) {
                result = relaxed;
            }
        }
        return result;
    }

    /**
     * With the semantic leg the total counts the nearest methods too, so it cannot tell whether
     * the text found too little: the text alone decides how far it is relaxed, by a count of its
     * matches ({@link SearchIndex#countMatches}: nothing ranked), before the one search of both legs.
     */
    private static SearchResult hybrid(SearchIndex index, IndexQuery query) {
        int chosen = 0;
        long found = index.countMatches(query, Ranking.RELAX_BELOW);
        if (found < Ranking.RELAX_BELOW && index.nearest(query, query.vector(), 1, HybridRanking.MIN_SIMILARITY).isEmpty()) {
            // nothing near in meaning: a sentence of another topic, whose stray words would be all a relaxed text finds
            return index.search(query);
        }
        for (int level = Ranking.HALF; level <= Ranking.ANY && found < Ranking.RELAX_BELOW; level++) {
            long relaxed = index.countMatches(relaxed(query, level), Ranking.RELAX_BELOW);
            if (relaxed > found) {
                found = relaxed;
                chosen = level;
            }
        }
        return index.search(chosen == 0 ? query : relaxed(query, chosen));
    }

    /** Several words, or a sentence whose question or function words were left out (its terms stand apart). */
    public static boolean relaxable(IndexQuery query) {
        if (query.texts().isEmpty()) {
            return false;
        }
        String required = query.texts().getFirst().required();
        return wordCount(required) >= Ranking.RELAX_MIN_WORDS
                || (!required.equals(query.texts().getFirst().text()) && required.strip().split("\\s+").length > 1);
    }

    /**
     * Chinese words by smartcn, and each space-separated token without Chinese as one word: smartcn
     * cuts a name like "k07ea2747c47" into several pieces, but it is one thing to look for.
     */
    static int wordCount(String text) {
        int words = (int) Ranking.words(text).stream().filter(RelaxedSearch::hasHan).count();
        for (String token : text.strip().split("\\s+")) {
            if (!token.isEmpty() && !hasHan(token)) {
                words++;
            }
        }
        return words;
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    static IndexQuery relaxed(IndexQuery query, int level) {
        return new IndexQuery(query.texts().stream().map(t -> t.relax(level)).toList(), query.pinyin(), query.initials(),
                query.statuses(), query.category(), query.departmentId(), query.tag(), query.year(), query.adopted(),
                query.viewer(), query.order(), query.offset(), query.limit(), query.vector());
    }
}
