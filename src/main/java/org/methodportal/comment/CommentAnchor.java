package org.methodportal.comment;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodField;

/**
 * Where a section comment points: one field of one exact revision, and for measures and steps the
 * zero-based index of one item.
 */
public record CommentAnchor(int revisionNumber, MethodField field, @Nullable Integer itemIndex) {
}
