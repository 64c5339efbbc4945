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

    /** Inserts many rows in one statement (a bulk import's batch), one array per column. */
    default void insertAll(List<NewAuditRow> rows) {
        insertColumns(rows.stream().map(r -> r.occurredAt().toString()).toArray(String[]::new),
                rows.stream().map(NewAuditRow::actor).toArray(String[]::new),
                rows.stream().map(NewAuditRow::action).toArray(String[]::new),
                rows.stream().map(NewAuditRow::objectType).toArray(String[]::new),
                rows.stream().map(NewAuditRow::objectId).toArray(String[]::new),
                rows.stream().map(NewAuditRow::detail).toArray(String[]::new),
                rows.stream().map(NewAuditRow::clientAddress).toArray(String[]::new));
    }

    void insertColumns(@Param("occurredAts") String[] occurredAts, @Param("actors") String[] actors,
                       @Param("actions") String[] actions, @Param("objectTypes") String[] objectTypes,
                       @Param("objectIds") String[] objectIds, @Param("details") String[] details,
                       @Param("addresses") String[] addresses);

    List<AuditEntry> findPage(@Param("q") AuditQuery query, @Param("ascending") boolean ascending,
                              @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("q") AuditQuery query);
}
