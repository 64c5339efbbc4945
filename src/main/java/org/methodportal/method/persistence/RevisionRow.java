package org.methodportal.method.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;

/** A method_revision row without its lists (see {@link RevisionItemRow} and {@link RevisionTagRow}). */
public record RevisionRow(long id, long methodId, int number, @Nullable Long baseRevisionId,
                          @Nullable Integer baseNumber, String title, @Nullable String summary, Category category,
                          String problem, @Nullable String concept, @Nullable String outcomes,
                          @Nullable String applicability, @Nullable String body, long authorId, String authorName,
                          Instant createdAt, @Nullable String changeNote, MethodStatus statusAtCreation) {
}
