package org.methodportal.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.methodportal.notification.InboxItem;

class NotificationsViewTest {

    @Test
    void aFoldedCommentItemIsWordedByHowManyPeopleAndComments() {
        assertThat(NotificationsView.messageKey(item("comment.posted", 1, 1)))
                .isEqualTo("notification.kind.comment.posted");
        assertThat(NotificationsView.messageKey(item("comment.posted", 4, 1)))
                .isEqualTo("notification.kind.comment.posted.by-one");
        assertThat(NotificationsView.messageKey(item("comment.posted", 5, 3)))
                .isEqualTo("notification.kind.comment.posted.many");
        assertThat(NotificationsView.messageKey(item("watch.published", 1, 1)))
                .isEqualTo("notification.kind.watch.published");
    }

    private static InboxItem item(String kind, int events, int actors) {
        return new InboxItem(1, kind, 2L, "五对接", 3L, "王审核", Instant.EPOCH, null, events, actors, null);
    }
}
