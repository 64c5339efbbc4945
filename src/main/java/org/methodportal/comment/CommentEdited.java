package org.methodportal.comment;

/** The author changed the text of their comment; the previous text went to its history. */
public record CommentEdited(long commentId) implements CommentEvent {
}
