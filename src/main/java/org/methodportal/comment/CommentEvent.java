package org.methodportal.comment;

import org.methodportal.shared.AuditableEvent;

/**
 * Something that happened to a comment, one record per fact; every one is audited in the
 * publisher's transaction under the action name kept here (stored audit rows use these names).
 */
public sealed interface CommentEvent extends AuditableEvent
        permits CommentPosted, CommentEdited, CommentDeleted, CommentHidden, CommentUnhidden, CommentResolved,
        CommentReopened, SuggestionApplied, SuggestionDismissed {

    long commentId();

    @Override
    default String action() {
        return switch (this) {
            case CommentPosted e -> "comment.posted";
            case CommentEdited e -> "comment.edited";
            case CommentDeleted e -> "comment.deleted";
            case CommentHidden e -> "comment.hidden";
            case CommentUnhidden e -> "comment.unhidden";
            case CommentResolved e -> "comment.resolved";
            case CommentReopened e -> "comment.reopened";
            case SuggestionApplied e -> "comment.suggestion-applied";
            case SuggestionDismissed e -> "comment.suggestion-dismissed";
        };
    }

    @Override
    default String objectType() {
        return "comment";
    }

    @Override
    default String objectId() {
        return String.valueOf(commentId());
    }
}
