package org.methodportal.notification.ui;

import java.util.List;
import java.util.Optional;

import org.methodportal.notification.InboxItem;
import org.methodportal.notification.NotificationService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalUser;
import org.methodportal.ui.HomeBlock;
import org.methodportal.ui.HomeSection;
import org.methodportal.ui.UnreadNotifications;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;

/** The home page shows the unread notifications, newest first, each opening what it is about. */
@Component
@Order(40)
class NotificationsHomeBlock implements HomeBlock {

    private final NotificationService notifications;

    NotificationsHomeBlock(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(PortalUser user) {
        UI ui = UI.getCurrent();
        PageResult<InboxItem> unread = notifications.inbox(true, new PageRequest(0, HomeSection.ITEMS, "createdAt", false));
        List<Span> items = unread.content().stream().map(n -> {
            String text = ui.getTranslation(NotificationsView.messageKey(n), n.title(),
                    n.actorName() == null ? "" : n.actorName(), n.actorCount(), n.eventCount());
            String link = n.link();
            if (link == null) {
                return new Span(text);
            }
            Anchor open = new Anchor(link, text);
            open.getElement().addEventListener("click", e -> notifications.markRead(n.id()));
            return new Span(open);
        }).toList();
        return Optional.of(new HomeSection("home-notifications", ui.getTranslation("home.notifications.title",
                unread.total()), items, ui.getTranslation("home.notifications.empty"), UnreadNotifications.INBOX_ROUTE,
                ui.getTranslation("home.notifications.more")));
    }
}
