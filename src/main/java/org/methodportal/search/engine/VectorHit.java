package org.methodportal.search.engine;

/** A method found by the semantic leg, with the cosine similarity of its embedding to the one searched. */
public record VectorHit(long id, float similarity) {
}
