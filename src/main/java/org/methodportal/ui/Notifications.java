package org.methodportal.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The portal's toasts: success is short, errors stay until closed so nothing is missed. */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String message) {
        Notification n = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        Notification n = new Notification(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("error-notification");
        n.open();
    }
}
