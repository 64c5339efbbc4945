package org.methodportal.method.ui;

import org.methodportal.method.MarkdownRenderer;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;

/**
 * The live preview of the Markdown body, rendered by the same sanitising renderer as the method
 * page, so the author sees exactly what readers will (and no script ever runs).
 */
class MarkdownPreview extends Div {

    MarkdownPreview() {
        addClassName("method-body-preview");
        getStyle().set("overflow-wrap", "anywhere")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s)").set("min-height", "6rem").set("box-sizing", "border-box");
    }

    void show(String markdown) {
        removeAll();
        if (!markdown.isBlank()) {
            add(new Html(MarkdownRenderer.render(markdown)));
        }
    }
}
