package org.methodportal.method;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of a method's history. */
public record RevisionSummary(long methodId, int number, @Nullable Integer baseNumber, String title, long authorId,
                              String authorName, Instant createdAt, @Nullable String changeNote,
                              MethodStatus statusAtCreation) {
}
