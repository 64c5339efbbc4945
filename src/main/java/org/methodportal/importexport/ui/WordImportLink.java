package org.methodportal.importexport.ui;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodDetail;
import org.methodportal.proposal.ui.MethodEditorExtension;
import org.methodportal.method.ui.MethodForm;
import org.springframework.core.annotation.Order;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Anchor;

/** On the editor of a new method: a secretary with the method already written in Word starts from the file. */
@org.springframework.stereotype.Component
@Order(90)
class WordImportLink implements MethodEditorExtension {

    @Override
    public Helper create(MethodForm form) {
        Paragraph hint = new Paragraph();
        hint.setId("method-editor-word-import");
        hint.addClassName("method-editor-word-import");
        hint.setVisible(false);
        // by its address rather than its class: editors may be shown where this page is not registered
        Anchor link = new Anchor(WordImportView.ROUTE, hint.getTranslation("importexport.word.editor-link"));
        link.getElement().setAttribute("router-link", true);
        hint.add(link);
        return new Helper() {
            @Override
            public Component component() {
                return hint;
            }

            @Override
            public Placement placement() {
                return Placement.ABOVE_FORM;
            }

            @Override
            public void reset() {
                hint.setVisible(false);
            }

            @Override
            public void opened(@Nullable MethodDetail method, boolean proposingChange) {
                hint.setVisible(method == null);
            }
        };
    }
}
