package org.methodportal.comment;

/** A resolved section comment's thread was opened again. */
public record CommentReopened(long commentId) implements CommentEvent {
}
