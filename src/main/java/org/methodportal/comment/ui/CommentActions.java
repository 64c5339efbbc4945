package org.methodportal.comment.ui;

import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.UI;

/** Runs one service call for a button: on success refreshes, on refusal shows the translated reason. */
final class CommentActions {

    private CommentActions() {
    }

    /** True when the call succeeded. */
    static boolean run(Runnable call, Runnable refresh) {
        UI ui = UI.getCurrent();
        try {
            call.run();
        } catch (PortalException e) {
            Notifications.error(ui.getTranslation(e.messageKey(), e.args()));
            return false;
        }
        refresh.run();
        return true;
    }
}
