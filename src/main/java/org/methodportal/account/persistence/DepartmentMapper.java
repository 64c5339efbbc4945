package org.methodportal.account.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;
import org.methodportal.account.Department;

@Mapper
public interface DepartmentMapper {

    Optional<Department> findById(long id);

    Optional<Department> findByName(String name);

    List<Department> findPage(@Param("textPattern") @Nullable String textPattern, @Param("enabled") @Nullable Boolean enabled,
                              @Param("sortKey") @Nullable String sortKey, @Param("ascending") boolean ascending,
                              @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("textPattern") @Nullable String textPattern, @Param("enabled") @Nullable Boolean enabled);

    List<Department> findAllEnabled();

    void insert(@Param("name") String name, @Param("code") @Nullable String code, @Param("createdAt") Instant createdAt);

    int update(@Param("id") long id, @Param("name") String name, @Param("code") @Nullable String code,
               @Param("version") int version);

    int updateEnabled(@Param("id") long id, @Param("enabled") boolean enabled, @Param("version") int version);
}
