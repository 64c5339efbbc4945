package org.methodportal.comment.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;

/**
 * Comments of methods and the history of their edits. Updates carry the row version; 0 rows means
 * someone changed the comment in between.
 */
@Mapper
public interface CommentMapper {

    void insert(@Param("c") NewComment comment, @Param("key") CommentKey key);

    Optional<CommentRow> findById(long id);

    /**
     * A page of a method's threads (first comments), newest activity first; {@code anchored} true:
     * only section comments, false: only page comments, null: both. Section comments count only
     * when anchored to one of {@code readableRevisions}.
     */
    List<CommentRow> findThreads(@Param("methodId") long methodId, @Param("anchored") @Nullable Boolean anchored,
                                 @Param("revisions") Collection<Integer> readableRevisions,
                                 @Param("offset") int offset, @Param("limit") int limit);

    long countThreads(@Param("methodId") long methodId, @Param("anchored") @Nullable Boolean anchored,
                      @Param("revisions") Collection<Integer> readableRevisions);

    /** The replies of the given threads, oldest first. */
    List<CommentRow> findReplies(@Param("rootIds") Collection<Long> rootIds);

    /** Section comments of a method that are neither resolved nor deleted, oldest first. */
    List<CommentRow> findUnresolvedAnchored(@Param("methodId") long methodId,
                                            @Param("revisions") Collection<Integer> readableRevisions);

    int countChildren(long parentId);

    /** Moves a thread to the top of "newest activity first". */
    int touchThread(@Param("id") long rootId, @Param("at") Instant at);

    int updateBody(@Param("id") long id, @Param("body") String body, @Param("at") Instant editedAt,
                   @Param("version") int version);

    void insertEdit(@Param("commentId") long commentId, @Param("body") String previousBody,
                    @Param("editedBy") long editedBy, @Param("at") Instant editedAt);

    List<CommentEditRow> findEdits(long commentId);

    /** Leaves a placeholder: the text is gone, the replies stay attached. */
    int markDeleted(@Param("id") long id, @Param("version") int version);

    int delete(@Param("id") long id, @Param("version") int version);

    void deleteEdits(long commentId);

    /** Hides (reason and moderator given) or shows again (all null). */
    int updateHidden(@Param("id") long id, @Param("at") @Nullable Instant at, @Param("by") @Nullable Long by,
                     @Param("reason") @Nullable String reason, @Param("version") int version);

    /** Resolves (time and account given) or reopens (both null) a section comment. */
    int updateResolved(@Param("id") long id, @Param("at") @Nullable Instant at, @Param("by") @Nullable Long by,
                       @Param("version") int version);

    /** Sets the suggestion's state and resolves the thread in one go (applied or dismissed). */
    int updateSuggestion(@Param("id") long id, @Param("state") String state, @Param("at") Instant at,
                         @Param("by") long by, @Param("version") int version);
}
