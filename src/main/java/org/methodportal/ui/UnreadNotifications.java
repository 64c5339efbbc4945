package org.methodportal.ui;

/**
 * The header's unread count, provided by the notification module (the shell depends on no feature
 * module); the bell links to {@link #INBOX_ROUTE}.
 */
public interface UnreadNotifications {

    String INBOX_ROUTE = "notifications";

    long unreadCount();
}
