package org.methodportal.comment;

/** A moderator showed a hidden comment again. */
public record CommentUnhidden(long commentId) implements CommentEvent {
}
