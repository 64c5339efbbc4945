package org.methodportal.review.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;

/** Approvals required: the global row has no department. */
@Mapper
public interface QuorumMapper {

    Optional<Integer> findGlobal();

    Optional<Integer> findForDepartment(long departmentId);

    List<QuorumRow> findAll();

    int updateGlobal(@Param("approvals") int approvals, @Param("updatedAt") Instant updatedAt);

    int updateForDepartment(@Param("departmentId") long departmentId, @Param("approvals") int approvals,
                            @Param("updatedAt") Instant updatedAt);

    void insert(@Param("departmentId") @Nullable Long departmentId, @Param("approvals") int approvals,
                @Param("updatedAt") Instant updatedAt);

    int deleteForDepartment(long departmentId);
}
