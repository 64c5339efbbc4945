package org.methodportal.glossary.ui;

import java.util.ArrayList;
import java.util.List;

import org.methodportal.glossary.Finding;
import org.methodportal.glossary.ReplacementPlan;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;

/**
 * What a replace-all would do, field by field, before it is done: the text before with the
 * wordings to replace marked, the text after with the standard terms marked, and the wordings left
 * as they are with the reason. Confirming runs {@code apply}; cancelling changes nothing.
 */
class ReplacePreview extends Dialog {

    final Button confirm = new Button();

    ReplacePreview(List<NormalisationAssistant.FieldPlan> plans, Runnable apply) {
        setId("normalisation-preview");
        setHeaderTitle(getTranslation("method.assistant.preview-title"));
        setWidth("min(48rem, 95vw)");
        int count = 0;
        Div content = new Div();
        content.addClassName("normalisation-preview");
        for (NormalisationAssistant.FieldPlan p : plans) {
            count += p.plan().replaced().size();
            content.add(field(p));
        }
        add(content);
        Button cancel = new Button(getTranslation("method.assistant.preview-cancel"), e -> close());
        cancel.setId("normalisation-preview-cancel");
        confirm.setId("normalisation-preview-confirm");
        confirm.setText(getTranslation("method.assistant.preview-confirm", count));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(count > 0);
        confirm.addClickListener(e -> {
            close();
            apply.run();
        });
        getFooter().add(cancel, confirm);
    }

    private Div field(NormalisationAssistant.FieldPlan p) {
        ReplacementPlan plan = p.plan();
        Div block = new Div(new H4(p.field().label()));
        block.addClassName("normalisation-preview-field");
        if (plan.changes()) {
            Div before = NormalisationAssistant.marked(plan.before(), plan.replaced());
            before.addClassName("normalisation-before");
            Div after = NormalisationAssistant.marked(plan.after(), standardsIn(plan));
            after.addClassName("normalisation-after");
            block.add(labelled("method.assistant.preview-before", before),
                    labelled("method.assistant.preview-after", after));
        }
        for (ReplacementPlan.Skipped skipped : plan.skipped()) {
            Finding f = skipped.finding();
            Span note = new Span(getTranslation("method.assistant.skipped." + skipped.reason().name(), f.variant(),
                    f.standard()));
            note.addClassName("normalisation-skipped");
            block.add(new Div(note));
        }
        return block;
    }

    private Div labelled(String key, Div text) {
        Span label = new Span(getTranslation(key));
        label.addClassName("normalisation-preview-label");
        Div line = new Div(label, text);
        line.addClassName("normalisation-preview-line");
        return line;
    }

    /** Where the standard terms stand in the text after the replacement, as findings to mark. */
    private static List<Finding> standardsIn(ReplacementPlan plan) {
        List<Finding> standards = new ArrayList<>();
        int shift = 0;
        for (Finding f : plan.replaced()) {
            int start = f.start() + shift;
            standards.add(new Finding(null, start, start + f.standard().length(), f.standard(), f.standard(),
                    f.definition()));
            shift += f.standard().length() - f.variant().length();
        }
        return standards;
    }
}
