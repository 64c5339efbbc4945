package org.methodportal.notification.ui;

import org.methodportal.notification.NotificationService;
import org.methodportal.ui.UnreadNotifications;
import org.springframework.stereotype.Component;

/** The header's unread count from the signed-in user's inbox. */
@Component
class InboxCounter implements UnreadNotifications {

    private final NotificationService notifications;

    InboxCounter(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public long unreadCount() {
        return notifications.unreadCount();
    }
}
