package org.methodportal.method.persistence;

import java.time.Instant;

/** A publication record to insert: which revision of a method was published, when, by whom and from which round. */
public record NewPublication(long methodId, long revisionId, Instant publishedAt, long publishedBy,
                             long sourceMethodId, int sourceRound) {
}
