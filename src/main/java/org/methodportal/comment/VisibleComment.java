package org.methodportal.comment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A comment as the current reader may see it. {@code text} and {@code html} are null when the
 * comment was deleted (a placeholder with replies) or hidden from this reader; {@code outdated}
 * says that a later revision changed the anchored text. The {@code may*} flags tell the UI which
 * actions the service would accept.
 */
public record VisibleComment(long id, long methodId, @Nullable Long parentId, long threadId, int depth, long authorId,
                          String authorName, String authorLogin, @Nullable String text, @Nullable String html,
                          Instant createdAt, @Nullable Instant editedAt, boolean deleted, boolean hidden,
                          @Nullable String hiddenReason, @Nullable CommentAnchor anchor,
                          @Nullable String anchoredText, boolean outdated, boolean resolved,
                          @Nullable String suggestion, @Nullable SuggestionState suggestionState, int version,
                          Permissions may) {

    /** What the current reader may do with this comment. */
    public record Permissions(boolean edit, boolean delete, boolean moderate, boolean resolve,
                              boolean decideSuggestion) {
    }

    /** The id of a comment's element on the method page, where links to it point ({@code ?focus=}). */
    public static String elementId(long commentId) {
        return "comment-" + commentId;
    }

    public boolean edited() {
        return editedAt != null;
    }

    public boolean anchored() {
        return anchor != null;
    }
}
