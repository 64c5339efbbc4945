package org.methodportal.audit.persistence;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;
import org.methodportal.audit.AuditEntry;

/** Insert and read only: there is deliberately no update or delete. */
@Mapper
public interface AuditEventMapper {

    void insert(@Param("occurredAt") Instant occurredAt, @Param("actor") @Nullable String actor,
                @Param("action") String action, @Param("objectType") @Nullable String objectType,
                @Param("objectId") @Nullable String objectId, @Param("detail") @Nullable String detail,
                @Param("clientAddress") @Nullable String clientAddress);

    /** Inserts many rows in one statement (a bulk import's batch). */
    void insertAll(@Param("rows") List<NewAuditRow> rows);

    List<AuditEntry> findPage(@Param("q") AuditQuery query, @Param("ascending") boolean ascending,
                              @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("q") AuditQuery query);
}
