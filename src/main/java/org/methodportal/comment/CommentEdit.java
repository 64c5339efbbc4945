package org.methodportal.comment;

import java.time.Instant;

/** A comment's text before one of its edits, with who edited it when. */
public record CommentEdit(String previousText, String editorName, Instant editedAt) {
}
