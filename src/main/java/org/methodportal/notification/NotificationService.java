package org.methodportal.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.notification.persistence.NotificationMapper;
import org.methodportal.notification.persistence.UnreadItem;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's inbox; items are written by this module's listeners, never by other users. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class NotificationService {

    private final NotificationMapper notifications;
    private final CurrentUser currentUser;
    private final Clock clock;

    NotificationService(NotificationMapper notifications, CurrentUser currentUser, Clock clock) {
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public PageResult<InboxItem> inbox(boolean unreadOnly, PageRequest page) {
        long me = currentUser.require().id();
        return new PageResult<>(notifications.findPage(me, unreadOnly, page.offset(), page.limit()),
                notifications.count(me, unreadOnly), page.page(), page.limit());
    }

    public long unreadCount() {
        return notifications.count(currentUser.require().id(), true);
    }

    /** Marks one of the caller's own items read; someone else's item is left alone (false). */
    @Transactional
    public boolean markRead(long id) {
        return notifications.markRead(id, currentUser.require().id(), clock.instant()) > 0;
    }

    @Transactional
    public int markAllRead() {
        return notifications.markAllRead(currentUser.require().id(), clock.instant());
    }

    /**
     * Delivers an item to each recipient except the actor, inside the caller's transaction;
     * {@code anchor} is the element of the method page it is about ({@link InboxItem#anchor}).
     */
    void deliver(Collection<Long> recipients, String kind, @Nullable Long methodId, String title,
                 @Nullable Long actorId, @Nullable String anchor) {
        Set<Long> to = new LinkedHashSet<>(recipients);
        if (actorId != null) {
            to.remove(actorId);
        }
        if (!to.isEmpty()) {
            notifications.insert(to, kind, methodId, title, actorId, clock.instant(), anchor);
        }
    }

    /**
     * Like {@link #deliver}, but a recipient who still has an unread item of this kind on this method
     * gets that item updated instead of a new one (one more event, the actor as the latest, the newest
     * time, pointing at the newest event), so that a burst of comments is one line in the inbox and one in the unread count.
     */
    void deliverFolded(Collection<Long> recipients, String kind, long methodId, String title, long actorId,
                       @Nullable String anchor) {
        Set<Long> to = new LinkedHashSet<>(recipients);
        to.remove(actorId);
        if (to.isEmpty()) {
            return;
        }
        List<UnreadItem> unread = notifications.findUnreadToFold(to, kind, methodId);
        if (!unread.isEmpty()) {
            List<Long> ids = unread.stream().map(UnreadItem::id).toList();
            notifications.insertLatestActors(ids);
            notifications.insertActor(ids, actorId);
            notifications.fold(ids, actorId, title, clock.instant(), anchor);
            unread.forEach(item -> to.remove(item.recipientId()));
        }
        if (!to.isEmpty()) {
            notifications.insert(to, kind, methodId, title, actorId, clock.instant(), anchor);
        }
    }
}
