package org.methodportal.method;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One immutable revision of a method: all structured fields, who saved it when and why, the
 * revision it was based on and the method's status at that moment.
 */
public record Revision(long methodId, int number, @Nullable Integer baseNumber, MethodContent content, long authorId,
                       String authorName, Instant createdAt, @Nullable String changeNote,
                       MethodStatus statusAtCreation) {
}
