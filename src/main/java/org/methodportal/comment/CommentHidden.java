package org.methodportal.comment;

/** A moderator hid a comment, for the reason given. */
public record CommentHidden(long commentId, String reason) implements CommentEvent {

    @Override
    public String detail() {
        return reason;
    }
}
