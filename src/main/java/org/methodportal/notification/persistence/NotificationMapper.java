package org.methodportal.notification.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;
import org.methodportal.notification.Notification;

@Mapper
public interface NotificationMapper {

    void insert(@Param("recipientIds") Collection<Long> recipientIds, @Param("kind") String kind,
                @Param("methodId") @Nullable Long methodId, @Param("title") String title,
                @Param("actorId") @Nullable Long actorId, @Param("createdAt") Instant createdAt);

    /** Newest first; {@code unreadOnly} limits to unread items. */
    List<Notification> findPage(@Param("recipientId") long recipientId, @Param("unreadOnly") boolean unreadOnly,
                                @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("recipientId") long recipientId, @Param("unreadOnly") boolean unreadOnly);

    /** Marks one of the recipient's items read (idempotent); 0 when it is not theirs. */
    int markRead(@Param("id") long id, @Param("recipientId") long recipientId, @Param("readAt") Instant readAt);

    int markAllRead(@Param("recipientId") long recipientId, @Param("readAt") Instant readAt);
}
