package org.methodportal.notification.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Watch state per account and method: watching, turned off, or (no row) never decided. */
@Mapper
public interface WatchMapper {

    /** TRUE watching, FALSE turned off, empty when the account never watched or unwatched the method. */
    Optional<Boolean> findState(@Param("accountId") long accountId, @Param("methodId") long methodId);

    /** Sets the state of an existing row; 0 when there is none. */
    int updateState(@Param("accountId") long accountId, @Param("methodId") long methodId,
                    @Param("watching") boolean watching, @Param("at") Instant at);

    /** Inserts the state unless a row exists (which then keeps its state); 1 when inserted. */
    int insertIfAbsent(@Param("accountId") long accountId, @Param("methodId") long methodId,
                       @Param("watching") boolean watching, @Param("at") Instant at);

    /** Enabled accounts watching the method, by id. */
    List<Long> findWatcherIds(long methodId);
}
