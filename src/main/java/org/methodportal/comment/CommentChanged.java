package org.methodportal.comment;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.AuditableEvent;

/** A comment was posted, edited, deleted, hidden, shown, resolved, reopened, or its suggestion decided; audited. */
public record CommentChanged(String action, String objectId, @Nullable String detail) implements AuditableEvent {

    static final String POSTED = "comment.posted";
    static final String EDITED = "comment.edited";
    static final String DELETED = "comment.deleted";
    static final String HIDDEN = "comment.hidden";
    static final String UNHIDDEN = "comment.unhidden";
    static final String RESOLVED = "comment.resolved";
    static final String REOPENED = "comment.reopened";
    static final String APPLIED = "comment.suggestion-applied";
    static final String DISMISSED = "comment.suggestion-dismissed";

    @Override
    public String objectType() {
        return "comment";
    }
}
