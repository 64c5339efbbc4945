package org.methodportal.notification.ui;

import java.util.Optional;

import org.methodportal.method.MethodDetail;
import org.methodportal.method.ui.MethodPageAction;
import org.methodportal.notification.WatchService;
import org.methodportal.notification.WatchState;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/** "关注 / 已关注" in the method page's action row: one click watches or stops watching the method. */
@Component
@Order(50)
class WatchToggle implements MethodPageAction {

    private final WatchService watches;

    WatchToggle(WatchService watches) {
        this.watches = watches;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(MethodDetail method) {
        return Optional.of(new WatchButton(watches, method.id(), watches.state(method.id())));
    }

    /** The button keeps the state it shows, so a click asks for the opposite. */
    static final class WatchButton extends Button {

        private final transient WatchService watches;
        private final long methodId;
        private boolean watching;

        WatchButton(WatchService watches, long methodId, WatchState state) {
            this.watches = watches;
            this.methodId = methodId;
            setId("method-watch");
            addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            show(state.watching());
            addClickListener(e -> toggle());
        }

        void toggle() {
            try {
                WatchState state = watching ? watches.unwatch(methodId) : watches.watch(methodId);
                show(state.watching());
                Notifications.success(getTranslation(state.watching() ? "notification.watch.now-watching"
                        : "notification.watch.stopped"));
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        }

        boolean watching() {
            return watching;
        }

        private void show(boolean watching) {
            this.watching = watching;
            setText(getTranslation(watching ? "notification.watch.watching" : "notification.watch.watch"));
            setIcon((watching ? VaadinIcon.BELL : VaadinIcon.BELL_O).create());
            setTooltipText(getTranslation(watching ? "notification.watch.watching-tip" : "notification.watch.watch-tip"));
            getElement().setAttribute("aria-pressed", String.valueOf(watching));
        }
    }
}
