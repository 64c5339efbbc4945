package org.methodportal.account.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ApiTokenMapper {

    void insert(@Param("accountId") long accountId, @Param("name") String name,
                @Param("tokenHash") String tokenHash, @Param("tokenPrefix") String tokenPrefix,
                @Param("scopes") String scopes, @Param("createdAt") Instant createdAt,
                @Param("expiresAt") Instant expiresAt);

    Optional<ApiTokenRow> findByHash(String tokenHash);

    Optional<ApiTokenRow> findById(long id);

    /** The account's tokens, newest first, revoked ones included. */
    List<ApiTokenRow> findByAccount(long accountId);

    /** Records a use unless one was recorded since {@code notBefore}: at most one write a minute per token. */
    int updateLastUsed(@Param("id") long id, @Param("at") Instant at, @Param("notBefore") Instant notBefore);

    int revoke(@Param("id") long id, @Param("at") Instant at);
}
