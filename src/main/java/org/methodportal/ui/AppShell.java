package org.methodportal.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Lumo plus the portal's stylesheet (frontend/styles.css, served as a static resource), because
 * no custom frontend bundle can be built for this application.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("支部工作法库");
        // Without an icon link browsers ask for /favicon.ico, a 404 in every page's console.
        settings.addFavIcon("icon", "images/favicon.svg", "any");
    }
}
