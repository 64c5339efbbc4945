package org.methodportal.account.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface MfaMapper {

    Optional<MfaRow> findByAccount(long accountId);

    List<MfaRow> findPlainSecrets();

    int updateSecret(@Param("accountId") long accountId, @Param("secret") String secret);

    void insert(@Param("accountId") long accountId, @Param("secret") String secret,
                @Param("createdAt") Instant createdAt);

    /** Drops an enrolment that was started but never confirmed. */
    int deletePending(long accountId);

    /** Confirms a started enrolment with the time step of its first code. */
    int confirm(@Param("accountId") long accountId, @Param("enrolledAt") Instant enrolledAt,
                @Param("timeStep") long timeStep);

    /**
     * Accepts a code of the time step unless one of the same or a later step was accepted: 0 rows
     * means a replayed code.
     */
    int useTimeStep(@Param("accountId") long accountId, @Param("timeStep") long timeStep);

    int delete(long accountId);

    void insertRecoveryCodes(@Param("accountId") long accountId, @Param("codeHashes") List<String> codeHashes,
                             @Param("createdAt") Instant createdAt);

    int deleteRecoveryCodes(long accountId);

    /** Uses up an unused recovery code: 0 rows when it is unknown or used. */
    int useRecoveryCode(@Param("accountId") long accountId, @Param("codeHash") String codeHash,
                        @Param("at") Instant at);

    int countUnusedRecoveryCodes(long accountId);
}
