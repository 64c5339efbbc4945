package org.methodportal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The content of the portal's error pages: a title, an explanation and the way home. */
final class ErrorPages {

    private ErrorPages() {
    }

    static void fill(VerticalLayout page, String id, String titleKey, String textKey) {
        page.removeAll();
        page.setId(id);
        page.addClassName("portal-error-page");
        page.add(new H2(page.getTranslation(titleKey)), new Paragraph(page.getTranslation(textKey)),
                new Anchor("", page.getTranslation("error.page.home")));
    }
}
