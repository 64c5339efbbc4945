package org.methodportal.review.persistence;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.methodportal.review.QueueEntry;

/**
 * Reviews (insert and read only: a recorded review is never changed) and the review queue, which
 * reads the proposals of the method tables.
 */
@Mapper
public interface ReviewMapper {

    void insert(@Param("r") NewReview review, @Param("key") ReviewKey key);

    boolean existsInRound(@Param("methodId") long methodId, @Param("round") int round,
                          @Param("reviewerId") long reviewerId);

    int countApprovals(@Param("methodId") long methodId, @Param("round") int round);

    /** Reviews of a method and of its change requests, newest first. */
    List<ReviewRow> findByMethod(long methodId);

    /** Reviews of one proposal round, e.g. the round that produced a published revision. */
    List<ReviewRow> findByRound(@Param("methodId") long methodId, @Param("round") int round);

    /**
     * Proposals in review that the viewer may decide on and has not reviewed in their current round,
     * oldest submission first; {@code departmentIds} null means every department (admins).
     */
    List<QueueEntry> findQueue(@Param("viewerId") long viewerId, @Param("departmentIds") List<Long> departmentIds,
                               @Param("all") boolean all, @Param("offset") int offset, @Param("limit") int limit);

    long countQueue(@Param("viewerId") long viewerId, @Param("departmentIds") List<Long> departmentIds,
                    @Param("all") boolean all);
}
