package org.methodportal.search.engine;

/**
 * One reading of a search text for the adapters: {@code text} is scored (phrases, bigrams, words
 * per field), {@code required} holds what a document must mostly contain — the text without
 * question and function words ({@link QueryTerms#required}), so "三会一课怎么开" asks for 三会一课.
 * {@code relaxation}: how much of it must match ({@link Ranking#requiredBigrams}) — most
 * ({@link Ranking#STRICT}), half ({@link Ranking#HALF}) or any term ({@link Ranking#ANY}), for a
 * described need that finds (almost) nothing when most of its terms must match.
 */
public record QueryText(String text, String required, int relaxation) {

    public static QueryText of(String text) {
        return new QueryText(text, QueryTerms.required(text), Ranking.STRICT);
    }

    public QueryText relax(int to) {
        return new QueryText(text, required, to);
    }
}
