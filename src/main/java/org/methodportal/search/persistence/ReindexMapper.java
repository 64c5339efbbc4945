package org.methodportal.search.persistence;

import java.time.Instant;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;

/** The one reindex row shared by every instance (see V86). */
@Mapper
public interface ReindexMapper {

    ReindexRow find();

    /**
     * Takes the lease for {@code instance} unless a reindex runs whose heartbeat is after
     * {@code staleBefore}: 1 row when taken, 0 when another holds it.
     */
    int claim(@Param("instance") String instance, @Param("startedBy") String startedBy, @Param("now") Instant now,
              @Param("staleBefore") Instant staleBefore);

    /** Progress and heartbeat of the holder's reindex: 0 rows when the lease is no longer this instance's. */
    int progress(@Param("instance") String instance, @Param("total") long total, @Param("done") long done,
                 @Param("now") Instant now);

    int finish(@Param("instance") String instance, @Param("total") long total, @Param("done") long done,
               @Param("now") Instant now, @Param("error") @Nullable String error);
}
