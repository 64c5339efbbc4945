package org.methodportal.comment;

import java.util.List;

/** A first comment with all its replies, oldest reply first (each reply names its parent and depth). */
public record CommentThread(VisibleComment root, List<VisibleComment> replies) {

    public CommentThread {
        replies = List.copyOf(replies);
    }
}
