package org.methodportal.comment.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One comment as stored, with its author's and moderator's names. */
public record CommentRow(long id, long methodId, @Nullable Long parentId, @Nullable Long rootId, long authorId,
                         String authorName, String authorLogin, String body, @Nullable Integer revisionNumber,
                         @Nullable String field, @Nullable Integer itemIndex, @Nullable String anchoredText,
                         @Nullable String suggestion, @Nullable String suggestionState, @Nullable Instant resolvedAt,
                         @Nullable Long resolvedBy, @Nullable Instant editedAt, boolean deleted,
                         @Nullable Instant hiddenAt, @Nullable Long hiddenBy, @Nullable String hiddenReason,
                         Instant createdAt, Instant lastActivityAt, int version) {

    /** The thread this comment belongs to: the id of its first comment. */
    public long threadId() {
        return rootId != null ? rootId : id;
    }
}
