package org.methodportal.glossary.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.glossary.Finding;
import org.methodportal.glossary.GlossaryMatcher;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.glossary.ReplacementPlan;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.ui.MethodForm;
import org.methodportal.proposal.ui.MethodEditorExtension;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;
import org.springframework.core.annotation.Order;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.spring.annotation.SpringComponent;

/**
 * The normalisation assistant (地方话变普通话) in a column beside the method form: checks the text fields
 * against the glossary as the author types and lists, field by field, each local wording (地方话)
 * marked in a read-only excerpt of the field, with the standard term and its definition. "替换"
 * applies one; "全部替换" (of a field or of the whole draft) first shows each field before and
 * after, replaces only variants that stand as words and never writes a standard term twice in a
 * row ({@link GlossaryMatcher#plan}), and one click undoes it afterwards; "忽略" keeps a wording in this
 * draft, stored with it (so it stays kept after a reload and for every editor) and can be taken
 * back. The replacements made are written into the change note of the revision being saved.
 */
class NormalisationAssistant extends Details {

    /** A field longer than this shows only excerpts around its findings. */
    static final int WHOLE_TEXT_MAX = 240;
    private static final int CONTEXT = 16;

    private final transient GlossaryService glossary;
    private final MethodForm form;
    final Button check = new Button();
    final Button replaceAll = new Button();
    final Button undo = new Button();
    final Span summary = new Span();
    final Div findings = new Div();
    final Div keptList = new Div();
    /** Wordings the author chose to keep (忽略). */
    final Set<String> ignored = new LinkedHashSet<>();
    /** Kept before the draft had an id; stored with the draft at its first save. */
    private final Set<String> pendingKept = new LinkedHashSet<>();
    /** "variant→standard" of each replacement made, in order. */
    final Set<String> replacements = new LinkedHashSet<>();
    /** The fields the last replace-all changed, to undo it; empty when there is nothing to undo. */
    private List<Undo> undoable = List.of();
    /** The replacements the last replace-all added to the change note. */
    private Set<String> undoRecorded = Set.of();
    /** The open preview of a replace-all, if any. */
    @Nullable Dialog preview;
    /** What the assistant last wrote at the end of the change note. */
    private String generatedNote = "";
    private transient @Nullable GlossaryMatcher matcher;
    private @Nullable Long methodId;

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
        undo.setText(getTranslation("method.assistant.undo"));
        undo.setIcon(VaadinIcon.ROTATE_LEFT.create());
        undo.setId("normalisation-undo");
        undo.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        undo.addClickListener(e -> undo());
        undo.setVisible(false);
        summary.setId("normalisation-summary");
        summary.addClassName("normalisation-summary");
        findings.setId("normalisation-findings");
        findings.addClassName("normalisation-findings");
        keptList.setId("normalisation-kept");
        keptList.addClassName("normalisation-kept");
        HorizontalLayout actions = new HorizontalLayout(check, replaceAll, undo, summary);
        actions.addClassName("normalisation-actions");
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout content = new VerticalLayout(actions, findings, keptList);
        content.setPadding(false);
        add(content);
        setWidthFull();
        // Checked as the author types (the fields report changes lazily, after a pause).
        form.addChangeListener(e -> refresh());
    }

    /**
     * Starts on a method ({@code null}: a new draft or change request not saved yet): its kept
     * wordings are loaded and the fields checked.
     */
    void start(@Nullable Long method) {
        methodId = method;
        ignored.clear();
        pendingKept.clear();
        replacements.clear();
        generatedNote = "";
        forgetUndo();
        if (method != null) {
            try {
                ignored.addAll(glossary.keptVariants(method));
            } catch (PortalException e) {
                // the editor shows the refusal itself; the assistant simply keeps nothing
            }
        }
        check();
    }

    /** The draft got its id at its first save: the wordings kept until then are stored with it. */
    void saved(long method) {
        methodId = method;
        for (String variant : pendingKept) {
            keep(method, variant);
        }
        pendingKept.clear();
    }

    /** Checks every text field against the current glossary and lists what it finds. */
    void check() {
        matcher = glossary.matcher();
        show();
    }

    /**
     * Re-lists after an edit with the service's recent matcher: a glossary change applies within
     * its age, without a restart.
     */
    void refresh() {
        matcher = glossary.recentMatcher();
        show();
    }

    /** The findings per field, without the ignored wordings, in form order. */
    List<FieldFinding> current() {
        if (matcher == null) {
            return List.of();
        }
        List<FieldFinding> result = new ArrayList<>();
        for (FieldRef field : fields()) {
            found(field).forEach(f -> result.add(new FieldFinding(field, f)));
        }
        return result;
    }

    void replace(FieldFinding finding) {
        TextFieldBase<?, String> input = finding.field().input();
        String text = input.getValue();
        Finding f = finding.finding();
        if (f.end() <= text.length() && text.substring(f.start(), f.end()).equals(f.variant())) {
            input.setValue(GlossaryMatcher.replace(text, List.of(f)));
            recorded(List.of(f));
        }
        show();
    }

    /** Shows what replacing every local wording not kept in one field would do, to confirm it. */
    void replaceAll(FieldRef field) {
        preview(List.of(field));
    }

    /** Shows what replacing every local wording not kept in the whole draft would do, to confirm it. */
    void replaceAll() {
        if (matcher == null) {
            return;
        }
        preview(fields());
    }

    private void preview(List<FieldRef> scope) {
        if (matcher == null) {
            return;
        }
        List<FieldPlan> plans = new ArrayList<>();
        for (FieldRef field : scope) {
            ReplacementPlan plan = matcher.plan(field.input().getValue(), found(field));
            if (plan.changes() || !plan.skipped().isEmpty()) {
                plans.add(new FieldPlan(field, plan));
            }
        }
        if (plans.isEmpty()) {
            return;
        }
        preview = new ReplacePreview(plans, () -> apply(plans));
        preview.open();
    }

    /** Writes the previewed texts into their fields (those not edited meanwhile) and offers to undo. */
    void apply(List<FieldPlan> plans) {
        List<Undo> done = new ArrayList<>();
        List<Finding> replaced = new ArrayList<>();
        for (FieldPlan p : plans) {
            TextFieldBase<?, String> input = p.field().input();
            if (p.plan().changes() && input.getValue().equals(p.plan().before())) {
                input.setValue(p.plan().after());
                done.add(new Undo(p.field(), p.plan().before(), p.plan().after()));
                replaced.addAll(p.plan().replaced());
            }
        }
        Set<String> added = new LinkedHashSet<>();
        replaced.forEach(f -> {
            String pair = f.variant() + "→" + f.standard();
            if (!replacements.contains(pair)) {
                added.add(pair);
            }
        });
        if (!replaced.isEmpty()) {
            recorded(replaced);
        }
        undoable = List.copyOf(done);
        undoRecorded = added;
        undo.setVisible(!done.isEmpty());
        if (!replaced.isEmpty()) {
            Notifications.success(getTranslation("method.assistant.replaced", replaced.size()));
        }
        show();
    }

    /**
     * Puts back the texts the last replace-all changed and takes its replacements out of the change
     * note; a field edited since keeps its edit and is named.
     */
    void undo() {
        List<String> editedSince = new ArrayList<>();
        for (Undo u : undoable) {
            if (u.field().input().getValue().equals(u.after())) {
                u.field().input().setValue(u.before());
            } else {
                editedSince.add(u.field().label());
            }
        }
        replacements.removeAll(undoRecorded);
        writeNote();
        forgetUndo();
        if (editedSince.isEmpty()) {
            Notifications.success(getTranslation("method.assistant.undone"));
        } else {
            Notifications.error(getTranslation("method.assistant.undone-partly", String.join("、", editedSince)));
        }
        show();
    }

    private void forgetUndo() {
        undoable = List.of();
        undoRecorded = Set.of();
        undo.setVisible(false);
    }

    /** Keeps a wording in this draft: stored at once when the draft has an id, else at its first save. */
    void ignore(String variant) {
        if (methodId == null) {
            pendingKept.add(variant);
        } else if (!keep(methodId, variant)) {
            return;
        }
        ignored.add(variant);
        show();
    }

    /** Offers a kept wording again. */
    void release(String variant) {
        if (methodId != null) {
            try {
                glossary.releaseVariant(methodId, variant);
            } catch (PortalException e) {
                Notifications.error(getTranslation(e.messageKey(), e.args()));
                return;
            }
        }
        pendingKept.remove(variant);
        ignored.remove(variant);
        show();
    }

    private boolean keep(long method, String variant) {
        try {
            glossary.keepVariant(method, variant);
            return true;
        } catch (PortalException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
            return false;
        }
    }

    private List<Finding> found(FieldRef field) {
        if (matcher == null) {
            return List.of();
        }
        return matcher.find(field.input().getValue()).stream().filter(f -> !ignored.contains(f.variant())).toList();
    }

    private void recorded(List<Finding> done) {
        done.forEach(f -> replacements.add(f.variant() + "→" + f.standard()));
        writeNote();
    }

    /** The change note with the author's own text, then the replacements made (none: the author's text alone). */
    private void writeNote() {
        String note = form.changeNote.getValue();
        String own = !generatedNote.isEmpty() && note.endsWith(generatedNote)
                ? note.substring(0, note.length() - generatedNote.length())
                : note.isBlank() ? "" : note.strip() + "；";
        generatedNote = replacements.isEmpty() ? "" : getTranslation("method.assistant.note")
                + String.join("、", replacements);
        String combined = generatedNote.isEmpty() ? own.replaceAll("；$", "") : own + generatedNote;
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
        Map<FieldRef, List<FieldFinding>> byField = new LinkedHashMap<>();
        current.forEach(f -> byField.computeIfAbsent(f.field(), k -> new ArrayList<>()).add(f));
        int index = 0;
        int fieldIndex = 0;
        for (var entry : byField.entrySet()) {
            Div group = fieldGroup(entry.getKey(), entry.getValue(), fieldIndex++);
            for (FieldFinding finding : entry.getValue()) {
                group.add(row(finding, index++));
            }
            findings.add(group);
        }
        showKept();
    }

    private Div fieldGroup(FieldRef field, List<FieldFinding> found, int fieldIndex) {
        Span label = new Span(field.label());
        label.addClassName("normalisation-field");
        Button fieldAll = new Button(getTranslation("method.assistant.replace-all-field"), e -> replaceAll(field));
        fieldAll.setId("normalisation-field-replace-all-" + fieldIndex);
        fieldAll.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout head = new HorizontalLayout(label, fieldAll);
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        head.addClassName("normalisation-field-head");
        Div group = new Div(head, marked(field.input().getValue(),
                found.stream().map(FieldFinding::finding).toList()));
        group.addClassName("normalisation-group");
        return group;
    }

    /**
     * The field's text, read-only, with each finding marked in place; a long text shows only
     * excerpts around the findings. Built from text nodes, so nothing the author typed is markup.
     */
    static Div marked(String text, List<Finding> found) {
        Div preview = new Div();
        preview.addClassName("normalisation-marked");
        boolean whole = text.length() <= WHOLE_TEXT_MAX;
        int shown = 0;
        for (Finding f : found) {
            int from = whole ? shown : Math.max(shown, f.start() - CONTEXT);
            if (from > shown) {
                preview.add(new Span("…"));
            }
            if (f.start() > from) {
                preview.add(new Span(text.substring(from, f.start())));
            }
            Span mark = new Span(f.variant());
            mark.addClassName("normalisation-mark");
            mark.getElement().setAttribute("title", f.standard());
            preview.add(mark);
            shown = f.end();
            if (!whole) {
                int next = found.indexOf(f) + 1 < found.size() ? found.get(found.indexOf(f) + 1).start() : text.length();
                int to = Math.min(next, Math.min(text.length(), f.end() + CONTEXT));
                preview.add(new Span(text.substring(f.end(), to)));
                shown = to;
            }
        }
        if (shown < text.length()) {
            preview.add(new Span(whole ? text.substring(shown) : "…"));
        }
        return preview;
    }

    private Div row(FieldFinding finding, int index) {
        Finding f = finding.finding();
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
        ignore.setTooltipText(getTranslation("method.assistant.ignore-help"));
        HorizontalLayout line = new HorizontalLayout(variant, arrow, standard, replace, ignore);
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        line.setSpacing(false);
        line.addClassName("normalisation-line");
        Span definition = new Span(f.definition());
        definition.addClassName("normalisation-definition");
        Div row = new Div(line, definition);
        row.addClassName("normalisation-row");
        return row;
    }

    private void showKept() {
        keptList.removeAll();
        keptList.setVisible(!ignored.isEmpty());
        if (ignored.isEmpty()) {
            return;
        }
        keptList.add(new Span(getTranslation("method.assistant.kept")));
        int index = 0;
        for (String variant : ignored) {
            Span word = new Span(variant);
            word.addClassNames("portal-badge", "glossary-variant");
            Button release = new Button(getTranslation("method.assistant.release"), e -> release(variant));
            release.setId("normalisation-release-" + index++);
            release.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            release.setAriaLabel(getTranslation("method.assistant.release-label", variant));
            Span item = new Span(word, release);
            item.addClassName("normalisation-kept-item");
            keptList.add(item);
        }
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

    /** What a replace-all would do to one field. */
    record FieldPlan(FieldRef field, ReplacementPlan plan) {
    }

    /** A field's text before and after the last replace-all, to put it back. */
    private record Undo(FieldRef field, String before, String after) {
    }

    record FieldFinding(FieldRef field, Finding finding) {
    }

    /** Puts a normalisation assistant, opened, beside the form of every method editor. */
    @SpringComponent
    @Order(10)
    static class Extension implements MethodEditorExtension {

        private final GlossaryService glossary;

        Extension(GlossaryService glossary) {
            this.glossary = glossary;
        }

        @Override
        public Helper create(MethodForm form) {
            var assistant = new NormalisationAssistant(glossary, form);
            assistant.setOpened(true);
            return new Helper() {

                @Override
                public Component component() {
                    return assistant;
                }

                @Override
                public Placement placement() {
                    return Placement.BESIDE_FORM;
                }

                @Override
                public void reset() {
                    assistant.setVisible(true);
                }

                @Override
                public void unavailable() {
                    assistant.setVisible(false);
                }

                @Override
                public void opened(@Nullable MethodDetail method, boolean proposingChange) {
                    // A change request not saved yet has no kept wordings of its own.
                    assistant.start(method == null || proposingChange ? null : method.id());
                }

                @Override
                public void restored() {
                    assistant.refresh();
                }

                @Override
                public void saved(long methodId) {
                    assistant.saved(methodId);
                }
            };
        }
    }
}
