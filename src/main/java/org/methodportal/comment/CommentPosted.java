package org.methodportal.comment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A comment or reply was posted on a method (a published entry, a draft or a change request).
 * Watching and mentions follow it: {@code methodId} is the method the comment is on,
 * {@code targetMethodId} the method whose watchers care (the target of a change request, else the
 * same id); {@code parentAuthorId} is the author of the comment answered, if any; {@code text} is
 * the raw comment text in which {@code @login} mentions are found.
 */
public record CommentPosted(long commentId, long methodId, long targetMethodId, long authorId,
                            @Nullable Long parentAuthorId, String text, Instant postedAt) {
}
