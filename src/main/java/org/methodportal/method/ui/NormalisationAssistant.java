package org.methodportal.method.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.glossary.Finding;
import org.methodportal.glossary.GlossaryMatcher;
import org.methodportal.glossary.GlossaryService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextFieldBase;

/**
 * The normalisation assistant (地方话变普通话) beside the method form: lists the local wordings
 * (地方话) the glossary knows in each text field, with the standard term and its definition.
 * "替换" applies one, "全部替换" all, "忽略" keeps a wording for the rest of this editing session;
 * the replacements made are written into the change note of the revision being saved.
 */
class NormalisationAssistant extends Details {

    private final transient GlossaryService glossary;
    private final MethodForm form;
    final Button check = new Button();
    final Button replaceAll = new Button();
    final Span summary = new Span();
    final Div findings = new Div();
    /** Wordings the author chose to keep (忽略). */
    final Set<String> ignored = new HashSet<>();
    /** "variant→standard" of each replacement made, in order. */
    final Set<String> replacements = new LinkedHashSet<>();
    /** What the assistant last wrote at the end of the change note. */
    private String generatedNote = "";
    private transient @Nullable GlossaryMatcher matcher;

    NormalisationAssistant(GlossaryService glossary, MethodForm form) {
        this.glossary = glossary;
        this.form = form;
        setId("normalisation-assistant");
        addClassName("normalisation-assistant");
        setSummaryText(getTranslation("method.assistant.title"));
        check.setText(getTranslation("method.assistant.check"));
        check.setIcon(VaadinIcon.CHECK_SQUARE_O.create());
        check.setId("normalisation-check");
        check.addThemeVariants(ButtonVariant.LUMO_SMALL);
        check.addClickListener(e -> check());
        replaceAll.setText(getTranslation("method.assistant.replace-all"));
        replaceAll.setId("normalisation-replace-all");
        replaceAll.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        replaceAll.addClickListener(e -> replaceAll());
        replaceAll.setVisible(false);
        summary.setId("normalisation-summary");
        summary.addClassName("normalisation-summary");
        findings.setId("normalisation-findings");
        findings.addClassName("normalisation-findings");
        HorizontalLayout actions = new HorizontalLayout(check, replaceAll, summary);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout content = new VerticalLayout(actions, findings);
        content.setPadding(false);
        add(content);
        setWidthFull();
    }

    /** Checks every text field against the current glossary and lists what it finds. */
    void check() {
        matcher = glossary.matcher();
        show();
    }

    /** The findings per field, without the ignored wordings, in form order. */
    List<FieldFinding> current() {
        if (matcher == null) {
            return List.of();
        }
        List<FieldFinding> result = new ArrayList<>();
        for (FieldRef field : fields()) {
            matcher.find(field.input().getValue()).stream().filter(f -> !ignored.contains(f.variant()))
                    .forEach(f -> result.add(new FieldFinding(field, f)));
        }
        return result;
    }

    void replace(FieldFinding finding) {
        TextFieldBase<?, String> input = finding.field().input();
        String text = input.getValue();
        Finding f = finding.finding();
        if (f.end() <= text.length() && text.substring(f.start(), f.end()).equals(f.variant())) {
            input.setValue(GlossaryMatcher.replace(text, List.of(f)));
            recorded(f);
        }
        show();
    }

    void replaceAll() {
        if (matcher == null) {
            return;
        }
        for (FieldRef field : fields()) {
            List<Finding> found = matcher.find(field.input().getValue()).stream()
                    .filter(f -> !ignored.contains(f.variant())).toList();
            if (!found.isEmpty()) {
                field.input().setValue(GlossaryMatcher.replace(field.input().getValue(), found));
                found.forEach(this::recorded);
            }
        }
        show();
    }

    void ignore(String variant) {
        ignored.add(variant);
        show();
    }

    private void recorded(Finding f) {
        replacements.add(f.variant() + "→" + f.standard());
        String note = form.changeNote.getValue();
        String own = !generatedNote.isEmpty() && note.endsWith(generatedNote)
                ? note.substring(0, note.length() - generatedNote.length())
                : note.isBlank() ? "" : note.strip() + "；";
        generatedNote = getTranslation("method.assistant.note") + String.join("、", replacements);
        String combined = own + generatedNote;
        form.changeNote.setValue(combined.length() > MethodForm.CHANGE_NOTE_MAX
                ? combined.substring(0, MethodForm.CHANGE_NOTE_MAX) : combined);
        form.fireChange();
    }

    private void show() {
        findings.removeAll();
        List<FieldFinding> current = current();
        summary.setText(getTranslation(current.isEmpty() ? "method.assistant.none" : "method.assistant.found",
                current.size()));
        replaceAll.setVisible(!current.isEmpty());
        int index = 0;
        for (FieldFinding finding : current) {
            findings.add(row(finding, index++));
        }
    }

    private Div row(FieldFinding finding, int index) {
        Finding f = finding.finding();
        Span field = new Span(finding.field().label());
        field.addClassName("normalisation-field");
        Span variant = new Span(f.variant());
        variant.addClassNames("portal-badge", "glossary-variant");
        var arrow = VaadinIcon.ARROW_RIGHT.create();
        arrow.addClassName("normalisation-arrow");
        Span standard = new Span(f.standard());
        standard.addClassNames("portal-badge", "glossary-category");
        Button replace = new Button(getTranslation("method.assistant.replace"), e -> replace(finding));
        replace.setId("normalisation-replace-" + index);
        replace.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button ignore = new Button(getTranslation("method.assistant.ignore"), e -> ignore(f.variant()));
        ignore.setId("normalisation-ignore-" + index);
        ignore.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_CONTRAST);
        HorizontalLayout line = new HorizontalLayout(field, variant, arrow, standard, replace, ignore);
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        line.setSpacing(false);
        line.addClassName("normalisation-line");
        Span definition = new Span(f.definition());
        definition.addClassName("normalisation-definition");
        Div row = new Div(line, definition);
        row.addClassName("normalisation-row");
        return row;
    }

    private List<FieldRef> fields() {
        List<FieldRef> fields = new ArrayList<>();
        fields.add(new FieldRef(getTranslation("method.field.title"), form.title));
        fields.add(new FieldRef(getTranslation("method.field.summary"), form.summary));
        fields.add(new FieldRef(getTranslation("method.field.problem"), form.problem));
        fields.add(new FieldRef(getTranslation("method.field.concept"), form.concept));
        for (int i = 0; i < form.measures.items.size(); i++) {
            fields.add(new FieldRef(getTranslation("method.field.measures") + " " + (i + 1), form.measures.items.get(i)));
        }
        for (int i = 0; i < form.steps.items.size(); i++) {
            fields.add(new FieldRef(getTranslation("method.field.steps") + " " + (i + 1), form.steps.items.get(i)));
        }
        fields.add(new FieldRef(getTranslation("method.field.outcomes"), form.outcomes));
        fields.add(new FieldRef(getTranslation("method.field.applicability"), form.applicability));
        fields.add(new FieldRef(getTranslation("method.field.body"), form.body));
        return fields;
    }

    record FieldRef(String label, TextFieldBase<?, String> input) {
    }

    record FieldFinding(FieldRef field, Finding finding) {
    }
}
