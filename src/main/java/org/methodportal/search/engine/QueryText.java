package org.methodportal.search.engine;

/**
 * One reading of a search text for the adapters: {@code text} is scored (phrases, bigrams, words
 * per field), {@code required} holds what a document must mostly contain — the text without
 * question and function words ({@link QueryTerms#required}), so "三会一课怎么开" asks for 三会一课.
 * {@code relaxed}: half of its bigrams or words suffice ({@link Ranking#requiredBigrams}), for a
 * described need that finds (almost) nothing when most of them must match.
 */
public record QueryText(String text, String required, boolean relaxed) {

    public static QueryText of(String text) {
        return new QueryText(text, QueryTerms.required(text), false);
    }

    public QueryText relax() {
        return new QueryText(text, required, true);
    }
}
