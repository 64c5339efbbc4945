package org.methodportal.comment;

/** A section comment's thread was marked resolved. */
public record CommentResolved(long commentId) implements CommentEvent {
}
