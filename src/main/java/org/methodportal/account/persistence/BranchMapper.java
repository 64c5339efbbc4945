package org.methodportal.account.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;
import org.methodportal.account.Branch;

@Mapper
public interface BranchMapper {

    Optional<Branch> findById(long id);

    Optional<Branch> findByName(@Param("departmentId") long departmentId, @Param("name") String name);

    List<Branch> findPage(@Param("q") BranchQuery query, @Param("sortKey") @Nullable String sortKey,
                          @Param("ascending") boolean ascending, @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("q") BranchQuery query);

    void insert(@Param("departmentId") long departmentId, @Param("name") String name,
                @Param("createdAt") Instant createdAt);

    int update(@Param("id") long id, @Param("departmentId") long departmentId, @Param("name") String name,
               @Param("version") int version);

    int updateEnabled(@Param("id") long id, @Param("enabled") boolean enabled, @Param("version") int version);
}
