package org.methodportal.comment;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodField;

/**
 * A new comment as a form or a REST body gives it: the text, the comment answered (a reply), or an
 * anchor (revision, field, item) with an optional suggested replacement text for that field.
 */
public record CommentDraft(String text, @Nullable Long parentId, @Nullable Integer revisionNumber,
                           @Nullable MethodField field, @Nullable Integer itemIndex, @Nullable String suggestion) {

    public static CommentDraft page(String text) {
        return new CommentDraft(text, null, null, null, null, null);
    }

    public static CommentDraft reply(long parentId, String text) {
        return new CommentDraft(text, parentId, null, null, null, null);
    }

    public static CommentDraft anchored(String text, int revisionNumber, MethodField field, @Nullable Integer itemIndex,
                                        @Nullable String suggestion) {
        return new CommentDraft(text, null, revisionNumber, field, itemIndex, suggestion);
    }
}
