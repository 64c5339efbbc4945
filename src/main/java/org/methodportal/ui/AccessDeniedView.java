package org.methodportal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.servlet.http.HttpServletResponse;

/** Shown (with HTTP 403) when a signed-in user opens a page their roles do not allow. */
@AnonymousAllowed
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        setId("access-denied");
        addClassName("portal-error-page");
        add(new H2(getTranslation("error.page.forbidden.title")),
                new Paragraph(getTranslation("error.page.forbidden.text")),
                new Anchor("", getTranslation("error.page.home")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
