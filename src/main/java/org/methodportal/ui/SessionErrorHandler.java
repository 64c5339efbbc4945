package org.methodportal.ui;

import java.util.UUID;

import org.methodportal.shared.PortalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;

/**
 * The one place where failures nobody caught end up: domain refusals are shown with their message,
 * anything else is logged with an id and shown as a generic message carrying that id.
 */
class SessionErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(SessionErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable cause = rootPortalCause(event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui == null) {
            log.error("error outside a UI", event.getThrowable());
            return;
        }
        if (cause instanceof PortalException portal) {
            ui.access(() -> Notifications.error(ui.getTranslation(portal.messageKey(), portal.args())));
        } else if (cause instanceof AccessDeniedException) {
            ui.access(() -> Notifications.error(ui.getTranslation("error.auth.forbidden")));
        } else {
            String errorId = UUID.randomUUID().toString().substring(0, 8);
            log.error("unexpected UI error {}", errorId, event.getThrowable());
            ui.access(() -> Notifications.error(ui.getTranslation("error.internal", errorId)));
        }
    }

    private static Throwable rootPortalCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PortalException || c instanceof AccessDeniedException) {
                return c;
            }
        }
        return t;
    }
}
