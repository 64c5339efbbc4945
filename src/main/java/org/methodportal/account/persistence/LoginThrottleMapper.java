package org.methodportal.account.persistence;

import java.time.Instant;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;

@Mapper
public interface LoginThrottleMapper {

    Optional<LoginThrottleRow> findByLogin(String login);

    void insert(@Param("login") String login, @Param("failureCount") int failureCount,
                @Param("windowStart") Instant windowStart, @Param("lockedUntil") @Nullable Instant lockedUntil);

    int update(@Param("login") String login, @Param("failureCount") int failureCount,
               @Param("windowStart") Instant windowStart, @Param("lockedUntil") @Nullable Instant lockedUntil);

    void delete(String login);
}
