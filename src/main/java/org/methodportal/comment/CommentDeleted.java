package org.methodportal.comment;

/** The author deleted their comment (a placeholder stays while it has replies). */
public record CommentDeleted(long commentId, long methodId) implements CommentEvent {

    @Override
    public String detail() {
        return "method " + methodId;
    }
}
