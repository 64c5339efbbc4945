package org.methodportal.comment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A comment or reply was posted on a method (a published entry, a draft or a change request).
 * Watching and mentions follow it after commit: {@code methodId} is the method the comment is on and
 * {@code methodTitle} its title as the commenter saw it, {@code targetMethodId} the method whose
 * watchers care (the target of a change request, else the same id); {@code parentAuthorId} is the
 * author of the comment answered, if any; {@code text} is the raw comment text in which
 * {@code @login} mentions are found; {@code field} names the section of a section comment, and
 * {@code suggestion} says whether it suggests an edit there.
 */
public record CommentPosted(long commentId, long methodId, String methodTitle, long targetMethodId, long authorId,
                            @Nullable Long parentAuthorId, String text, Instant postedAt, @Nullable String field,
                            boolean suggestion) implements CommentEvent {

    @Override
    public String detail() {
        return "method " + methodId + (field == null ? "" : " " + field + (suggestion ? " suggestion" : ""));
    }
}
