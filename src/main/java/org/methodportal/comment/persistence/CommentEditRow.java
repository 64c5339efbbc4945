package org.methodportal.comment.persistence;

import java.time.Instant;

/** A comment's text before one edit. */
public record CommentEditRow(long commentId, String body, long editedBy, String editorName, Instant editedAt) {
}
