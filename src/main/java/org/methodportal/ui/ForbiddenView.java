package org.methodportal.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * Where the security filter sends a signed-in user whose address bar asks for a page their roles do
 * not allow (the request is refused before any view runs, so the refusal is explained here).
 */
@Route("forbidden")
@PermitAll
public class ForbiddenView extends VerticalLayout implements HasDynamicTitle {

    public static final String PATH = "forbidden";

    ForbiddenView() {
        ErrorPages.fill(this, "access-denied", "error.page.forbidden.title", "error.page.forbidden.text");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.page.forbidden.title") + " | " + getTranslation("app.name");
    }
}
