package org.methodportal.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/** Sets each UI's language before any view is built, and installs the session error handler. */
@Component
class ShellServiceInitListener implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(new SessionErrorHandler()));
        event.getSource().addUIInitListener(e -> {
            var locale = Languages.resolve(e.getUI().getSession());
            e.getUI().getSession().setLocale(locale);
            e.getUI().setLocale(locale);
        });
    }
}
