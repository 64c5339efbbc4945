package org.methodportal.method.ui;

import com.vaadin.flow.component.html.Div;

/**
 * The live preview of the Markdown body. No Markdown library is on the classpath yet, so the
 * text is shown as it is, escaped (setText) and with its line breaks kept; a sanitising renderer
 * replaces {@link #show} once the method page has one.
 */
class MarkdownPreview extends Div {

    MarkdownPreview() {
        addClassName("method-body-preview");
        getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s)").set("min-height", "6rem").set("box-sizing", "border-box");
    }

    void show(String markdown) {
        setText(markdown);
    }
}
