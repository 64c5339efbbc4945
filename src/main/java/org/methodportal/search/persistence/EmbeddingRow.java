package org.methodportal.search.persistence;

import java.time.Instant;

/**
 * The stored embedding of a method: which model computed it from which text (its SHA-256, hex),
 * and the vector as little-endian 32-bit floats.
 */
public record EmbeddingRow(long methodId, String model, String textHash, byte[] vector, Instant computedAt) {
}
