package org.methodportal.notification.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.methodportal.notification.InboxItem;
import org.methodportal.notification.NotificationService;
import org.methodportal.shared.PageRequest;
import org.methodportal.ui.PageFocus;
import org.methodportal.ui.UnreadNotifications;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * The inbox: newest first, unread ones marked; opening an item marks it read and goes to its
 * method, "全部标为已读" clears the count.
 */
@Route(UnreadNotifications.INBOX_ROUTE)
@PermitAll
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    final Grid<InboxItem> grid = new Grid<>(InboxItem.class, false);
    final Checkbox unreadOnly = new Checkbox();
    private final transient NotificationService notifications;

    NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        setId("notifications-view");
        addClassName("portal-page");
        setSizeFull();

        unreadOnly.setId("notifications-unread-only");
        unreadOnly.setLabel(getTranslation("notification.unread-only"));
        unreadOnly.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button markAll = new Button(getTranslation("notification.mark-all"), e -> {
            notifications.markAllRead();
            UI.getCurrent().getPage().reload();
        });
        markAll.setId("notifications-mark-all");
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout toolbar = new HorizontalLayout(unreadOnly, markAll);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);

        grid.setId("notifications");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(new ComponentRenderer<>(this::text)).setHeader(getTranslation("notification.what"))
                .setFlexGrow(3);
        grid.addColumn(n -> n.actorName() == null ? "" : n.actorName()).setHeader(getTranslation("notification.actor"))
                .setAutoWidth(true);
        grid.addColumn(n -> TIME.format(n.createdAt())).setHeader(getTranslation("notification.time"))
                .setAutoWidth(true);
        grid.setItems(query -> notifications.inbox(unreadOnly.getValue(),
                new PageRequest(query.getOffset(), query.getLimit(), "createdAt", false)).content().stream());
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText(getTranslation("notification.empty"));
        add(new H2(getTranslation("shell.notifications")), toolbar, grid);
    }

    private Span text(InboxItem n) {
        Span text = new Span(getTranslation(messageKey(n), n.title(), n.actorName() == null ? "" : n.actorName(),
                n.actorCount(), n.eventCount()));
        text.addClassName(n.unread() ? "notification-unread" : "notification-read");
        return text;
    }

    /**
     * The bundle key wording the item, given the title, the latest actor, the number of actors and
     * of events: a folded item says how many comments by how many people.
     */
    static String messageKey(InboxItem n) {
        String key = "notification.kind." + n.kind();
        if (n.eventCount() <= 1) {
            return key;
        }
        return key + (n.actorCount() <= 1 ? ".by-one" : ".many");
    }

    private void open(InboxItem n) {
        notifications.markRead(n.id());
        if (n.methodId() != null) {
            UI.getCurrent().navigate("methods/" + n.methodId(), n.anchor() == null ? QueryParameters.empty()
                    : QueryParameters.of(PageFocus.PARAMETER, n.anchor()));
        } else {
            grid.getDataProvider().refreshItem(n);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.notifications") + " | " + getTranslation("app.name");
    }
}
