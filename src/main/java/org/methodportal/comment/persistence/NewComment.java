package org.methodportal.comment.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The columns of a comment to insert; anchor and suggestion are null for a plain page comment. */
public record NewComment(long methodId, @Nullable Long parentId, @Nullable Long rootId, long authorId, String body,
                         @Nullable Integer revisionNumber, @Nullable String field, @Nullable Integer itemIndex,
                         @Nullable String anchoredText, @Nullable String suggestion, Instant createdAt) {
}
