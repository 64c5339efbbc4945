package org.methodportal.comment;

/** A suggested edit was dismissed without changing the draft. */
public record SuggestionDismissed(long commentId) implements CommentEvent {
}
