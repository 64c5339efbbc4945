package org.methodportal.search.persistence;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;
import org.methodportal.search.OutboxBacklog;

/** The search outbox: methods whose index entry must be refreshed. */
@Mapper
public interface SearchOutboxMapper {

    void insert(@Param("methodId") long methodId, @Param("action") String action, @Param("at") Instant at);

    /** Inserts many entries in one statement (a bulk import's batch), one array per column. */
    default void insertAll(List<OutboxEntry> entries, Instant at) {
        insertColumns(entries.stream().map(OutboxEntry::methodId).toArray(Long[]::new),
                entries.stream().map(OutboxEntry::action).toArray(String[]::new), at);
    }

    void insertColumns(@Param("methodIds") Long[] methodIds, @Param("actions") String[] actions,
                       @Param("at") Instant at);

    /**
     * Locks and returns the oldest entries due at {@code now}, skipping entries another worker
     * holds (FOR UPDATE SKIP LOCKED), so several instances can drain one outbox.
     */
    List<OutboxRow> claimDue(@Param("now") Instant now, @Param("limit") int limit);

    void deleteByIds(@Param("ids") List<Long> ids);

    /** Counts one more failed attempt and defers the entry. */
    void markFailed(@Param("id") long id, @Param("nextAttemptAt") Instant nextAttemptAt,
                    @Param("error") @Nullable String error);

    long count();

    /** Makes every deferred entry due at once (after the index was rebuilt, waiting longer helps nothing); returns how many. */
    int makeAllDue(@Param("now") Instant now);

    /** Entries waiting, those that failed at least once, and the oldest one's creation time. */
    OutboxBacklog backlog();

    @Nullable Instant findNextAttemptAt(long id);

    /** Takes the requests to rebuild the index left by a restore of a backup (see the backup module): how many there were. */
    int deleteRebuildRequests();
}
