package org.methodportal.notification.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;
import org.methodportal.notification.InboxItem;

@Mapper
public interface NotificationMapper {

    void insert(@Param("recipientIds") Collection<Long> recipientIds, @Param("kind") String kind,
                @Param("methodId") @Nullable Long methodId, @Param("title") String title,
                @Param("actorId") @Nullable Long actorId, @Param("createdAt") Instant createdAt,
                @Param("anchor") @Nullable String anchor);

    /** Newest first; {@code unreadOnly} limits to unread items. */
    List<InboxItem> findPage(@Param("recipientId") long recipientId, @Param("unreadOnly") boolean unreadOnly,
                                @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("recipientId") long recipientId, @Param("unreadOnly") boolean unreadOnly);

    /** Marks one of the recipient's items read (idempotent); 0 when it is not theirs. */
    int markRead(@Param("id") long id, @Param("recipientId") long recipientId, @Param("readAt") Instant readAt);

    int markAllRead(@Param("recipientId") long recipientId, @Param("readAt") Instant readAt);

    /** The recipients' unread items of this kind on this method, locked until the transaction ends. */
    List<UnreadItem> findUnreadToFold(@Param("recipientIds") Collection<Long> recipientIds,
                                      @Param("kind") String kind, @Param("methodId") long methodId);

    /** Lists each item's current latest actor among its actors (before {@link #fold} replaces it). */
    int insertLatestActors(@Param("ids") Collection<Long> ids);

    int insertActor(@Param("ids") Collection<Long> ids, @Param("actorId") long actorId);

    /** Counts one more event by {@code actorId} into each item, moves it to {@code at} and points it at {@code anchor}. */
    int fold(@Param("ids") Collection<Long> ids, @Param("actorId") long actorId, @Param("title") String title,
             @Param("at") Instant at, @Param("anchor") @Nullable String anchor);
}
