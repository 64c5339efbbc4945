package org.methodportal.notification.persistence;

/** A recipient's unread item that a new event of the same kind folds into. */
public record UnreadItem(long id, long recipientId) {
}
