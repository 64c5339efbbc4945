package org.methodportal.ui;

import org.methodportal.shared.PortalException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Confirmation before actions that change what others rely on (disable, archive, delete...) or lose work. */
public final class Confirmations {

    private Confirmations() {
    }

    /**
     * Asks; on "OK" runs the action, reports success or the service's refusal in the user's
     * language, then runs {@code afterwards} (typically a grid refresh) either way.
     */
    public static void confirmThen(String header, String text, Runnable action, Runnable afterwards) {
        UI ui = UI.getCurrent();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-dialog");
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setCancelText(ui.getTranslation("admin.cancel"));
        confirm.setConfirmText(ui.getTranslation("admin.confirm"));
        confirm.addConfirmListener(e -> {
            try {
                action.run();
                Notifications.success(ui.getTranslation("admin.saved"));
            } catch (PortalException ex) {
                Notifications.error(ui.getTranslation(ex.messageKey(), ex.args()));
            }
            afterwards.run();
        });
        confirm.open();
    }

    /**
     * Asks before leaving a page with work not yet saved (call from {@code beforeLeave} after
     * {@code postpone()}): "stay" keeps the page as it is, "leave" runs {@code leave}.
     */
    public static void confirmLeaving(String id, String header, String text, String stay, String leave,
                                      Runnable leaving) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId(id);
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setCancelText(stay);
        confirm.setConfirmText(leave);
        confirm.addConfirmListener(e -> leaving.run());
        confirm.open();
    }
}
