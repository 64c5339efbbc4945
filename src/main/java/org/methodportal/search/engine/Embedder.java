package org.methodportal.search.engine;

import java.util.List;

/**
 * Turns a text into a sentence embedding, a unit-length vector whose cosine with another says how
 * close their meanings are (the semantic leg of search, similar methods, the duplicate warning).
 * Runs offline on the CPU; a bean only while {@code portal.search.semantic.enabled} is on.
 */
public interface Embedder {

    /** Names the model; a stored vector of another model is computed anew. */
    String model();

    /** Length of every vector. */
    int dimensions();

    /** The embedding of one text ({@link SemanticText}). */
    float[] embed(String text);

    /** The embeddings of several texts, in their order (batched: cheaper than one by one). */
    List<float[]> embedAll(List<String> texts);

    /**
     * The embedding of a search text, compared with the embeddings of methods ({@link #embed}). A
     * model trained for retrieval may mark a query as one, which places a short question nearer
     * the passages answering it than the same words embedded as a passage.
     */
    default float[] embedQuery(String text) {
        return embed(text);
    }

    /** {@link #embedQuery} of several search texts, in their order. */
    default List<float[]> embedQueries(List<String> texts) {
        return embedAll(texts);
    }
}
