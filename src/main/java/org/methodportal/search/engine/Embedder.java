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
}
