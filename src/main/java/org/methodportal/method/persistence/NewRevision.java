package org.methodportal.method.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;

/** The scalar columns of a revision to insert. */
public record NewRevision(long methodId, int number, @Nullable Long baseRevisionId, String title,
                          @Nullable String summary, Category category, String problem, @Nullable String concept,
                          @Nullable String outcomes, @Nullable String applicability, @Nullable String body,
                          long authorId, Instant createdAt, @Nullable String changeNote,
                          MethodStatus statusAtCreation) {
}
