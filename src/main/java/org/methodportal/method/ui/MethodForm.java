package org.methodportal.method.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.Branch;
import org.methodportal.account.Department;
import org.methodportal.account.OrganisationService;
import org.methodportal.account.ui.BranchPicker;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.shared.PortalException;
import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;

/**
 * The structured editor of a method (design: "Drafting"): all fields in domain order, ordered
 * lists for measures and steps, free tags with suggestions and a Markdown body with preview. It
 * reads and fills a {@link MethodContent}, marks errors next to their fields and fires
 * {@link SaveEvent} and {@link ChangeEvent}; the view decides which service method to call.
 */
@NamedInterface("method-form")
public class MethodForm extends VerticalLayout {

    // The service's limits (MethodService), repeated so the fields stop typing at the same length.
    public static final int TITLE_MAX = 100;
    public static final int SUMMARY_MAX = 500;
    public static final int TEXT_MAX = 10_000;
    public static final int ITEM_MAX = 2_000;
    public static final int TAG_MAX = 40;
    public static final int BODY_MAX = 100_000;
    public static final int CHANGE_NOTE_MAX = 500;
    private static final int TAG_SUGGESTIONS = 50;

    public final TextField title = new TextField();
    public final TextArea summary = new TextArea();
    public final Select<Category> category = new Select<>();
    public final ComboBox<Department> department = new ComboBox<>();
    public final BranchPicker branch;
    public final TextArea problem = new TextArea();
    public final TextArea concept = new TextArea();
    public final ItemListField measures;
    public final ItemListField steps;
    public final TextArea outcomes = new TextArea();
    public final TextArea applicability = new TextArea();
    public final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();
    public final TextArea body = new TextArea();
    public final MarkdownPreview preview = new MarkdownPreview();
    public final TextField changeNote = new TextField();
    public final Button save = new Button();
    private final transient OrganisationService organisation;
    private final List<Department> departments;

    public MethodForm(MethodService methods, OrganisationService organisation) {
        this.organisation = organisation;
        setId("method-form");
        setPadding(false);
        branch = new BranchPicker(organisation, Boolean.TRUE);
        departments = new ArrayList<>(organisation.enabledDepartments());

        text(title, "method-title", "method.field.title", TITLE_MAX);
        title.setRequiredIndicatorVisible(true);
        text(summary, "method-summary", "method.field.summary", SUMMARY_MAX);
        category.setId("method-category");
        category.setLabel(getTranslation("method.field.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(Category::chineseName);
        category.setPlaceholder(getTranslation("method.editor.category-placeholder"));
        category.setRequiredIndicatorVisible(true);
        department.setId("method-department");
        department.setLabel(getTranslation("method.editor.department"));
        department.setItems(departments);
        department.setItemLabelGenerator(Department::name);
        branch.setId("method-branch");
        branch.setLabel(getTranslation("method.editor.branch"));
        department.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                branch.restrictTo(e.getValue() == null ? null : e.getValue().id());
            }
        });
        branch.addValueChangeListener(e -> {
            Branch chosen = e.getValue();
            if (e.isFromClient() && chosen != null
                    && (department.getValue() == null || department.getValue().id() != chosen.departmentId())) {
                department.setValue(departmentOf(chosen.departmentId()));
            }
        });
        text(problem, "method-problem", "method.field.problem", TEXT_MAX);
        problem.setRequiredIndicatorVisible(true);
        text(concept, "method-concept", "method.field.concept", TEXT_MAX);
        measures = new ItemListField("method-measures", getTranslation("method.field.measures"), ITEM_MAX,
                this::fireChange);
        steps = new ItemListField("method-steps", getTranslation("method.field.steps"), ITEM_MAX, this::fireChange);
        text(outcomes, "method-outcomes", "method.field.outcomes", TEXT_MAX);
        text(applicability, "method-applicability", "method.field.applicability", TEXT_MAX);
        tags.setId("method-tags");
        tags.setLabel(getTranslation("method.field.tags"));
        tags.setHelperText(getTranslation("method.editor.tags-help"));
        tags.setAllowCustomValue(true);
        tags.setWidthFull();
        tags.setItems(query -> {
            String filter = query.getFilter().orElse("");
            int wanted = Math.min(TAG_SUGGESTIONS, query.getOffset() + query.getLimit());
            return methods.suggestTags(filter, wanted).stream().skip(query.getOffset()).limit(query.getLimit());
        });
        tags.addCustomValueSetListener(e -> {
            String tag = e.getDetail().strip();
            if (!tag.isEmpty() && tag.length() <= TAG_MAX) {
                Set<String> value = new LinkedHashSet<>(tags.getValue());
                value.add(tag);
                tags.setValue(value);
                fireChange();
            }
        });
        text(body, "method-body", "method.field.body", BODY_MAX);
        body.setHelperText(getTranslation("method.editor.body-help"));
        body.setMinHeight("12rem");
        body.addValueChangeListener(e -> preview.show(e.getValue()));
        preview.setId("method-body-preview");
        Span previewLabel = new Span(getTranslation("method.editor.preview"));
        previewLabel.getStyle().set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500")
                .set("padding", "var(--lumo-space-xs) 0");
        VerticalLayout previewColumn = new VerticalLayout(previewLabel, preview);
        previewColumn.setPadding(false);
        previewColumn.setSpacing(false);
        preview.setWidthFull();
        HorizontalLayout bodyRow = new HorizontalLayout(body, previewColumn);
        bodyRow.setWidthFull();
        bodyRow.setFlexGrow(1, body, previewColumn);
        body.setWidth("50%");
        previewColumn.setWidth("50%");
        text(changeNote, "method-change-note", "method.editor.change-note", CHANGE_NOTE_MAX);

        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(category, department, branch, tags)) {
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    fireChange();
                }
            });
        }

        save.setText(getTranslation("method.editor.save"));
        save.setId("method-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> fireEvent(new SaveEvent(this)));
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL);

        FormLayout head = new FormLayout(title, category, department, branch);
        head.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        head.setWidthFull();
        add(head, summary, problem, concept, measures, steps, outcomes, applicability, tags, bodyRow, changeNote,
                save);
        measures.setValues(List.of());
        steps.setValues(List.of());
    }

    /** The input as it stands, blank fields as empty strings and blank entries dropped. */
    public MethodContent content() {
        return new MethodContent(title.getValue(), summary.getValue(), category.getValue(), problem.getValue(),
                concept.getValue(), measures.values(), steps.values(), outcomes.getValue(),
                applicability.getValue(), List.copyOf(tags.getValue()), body.getValue());
    }

    /** Shows a method's content; the change note is left as it is. */
    public void fill(MethodContent content) {
        title.setValue(orEmpty(content.title()));
        summary.setValue(orEmpty(content.summary()));
        category.setValue(content.category());
        problem.setValue(orEmpty(content.problem()));
        concept.setValue(orEmpty(content.concept()));
        measures.setValues(content.measures());
        steps.setValues(content.steps());
        outcomes.setValue(orEmpty(content.outcomes()));
        applicability.setValue(orEmpty(content.applicability()));
        tags.setValue(new LinkedHashSet<>(content.tags()));
        body.setValue(orEmpty(content.body()));
        preview.show(body.getValue());
    }

    /** Empties every field, for a new method. */
    public void clear() {
        fill(new MethodContent("", null, null, "", null, List.of(), List.of(), null, null, List.of(), null));
        changeNote.clear();
        clearErrors();
    }

    /** Sets the origin; a branch that cannot be loaded leaves the choice to the user. */
    public void setOrigin(@Nullable Long departmentId, @Nullable Long branchId) {
        Branch chosen = null;
        if (branchId != null) {
            try {
                chosen = organisation.branch(branchId);
            } catch (PortalException e) {
                chosen = null;
            }
        }
        Long effectiveDepartment = chosen != null ? Long.valueOf(chosen.departmentId()) : departmentId;
        department.setValue(effectiveDepartment == null ? null : departmentOf(effectiveDepartment));
        branch.restrictTo(effectiveDepartment);
        branch.setValue(chosen);
    }

    /** Saved methods keep their origin: the service changes it only when a draft is created. */
    public void setOriginReadOnly(boolean readOnly) {
        department.setReadOnly(readOnly);
        branch.setReadOnly(readOnly);
    }

    public @Nullable Long departmentId() {
        return department.getValue() == null ? null : department.getValue().id();
    }

    public @Nullable Long branchId() {
        return branch.getValue() == null ? null : branch.getValue().id();
    }

    public String changeNote() {
        return changeNote.getValue();
    }

    /** The state to autosave as the working copy. */
    public EditorDraft draft() {
        return new EditorDraft(content(), branchId(), changeNote());
    }

    /** Puts an autosaved state back into the fields. */
    public void restore(EditorDraft draft) {
        fill(draft.content());
        changeNote.setValue(orEmpty(draft.changeNote()));
        if (draft.branchId() != null && !branch.isReadOnly()) {
            setOrigin(null, draft.branchId());
        }
    }

    /**
     * Marks the required fields left empty (the same rules as the service), each next to its
     * field; true when nothing is missing.
     */
    public boolean validate() {
        clearErrors();
        boolean valid = true;
        if (title.getValue().isBlank()) {
            valid = mark(title, getTranslation("error.method.title-required"));
        }
        if (category.getValue() == null) {
            valid = mark(category, getTranslation("error.method.category-required"));
        }
        if (problem.getValue().isBlank()) {
            valid = mark(problem, getTranslation("error.method.problem-required"));
        }
        if (measures.values().isEmpty() && steps.values().isEmpty()) {
            String message = getTranslation("error.method.measure-or-step-required");
            measures.showError(message);
            steps.showError(message);
            valid = false;
        }
        focusFirstInvalid();
        return valid;
    }

    /** Brings the first marked field into view, so a long form does not hide what is missing. */
    private void focusFirstInvalid() {
        if (title.isInvalid()) {
            title.focus();
        } else if (category.isInvalid()) {
            category.focus();
        } else if (problem.isInvalid()) {
            problem.focus();
        } else if (measures.error.isVisible() && !measures.items.isEmpty()) {
            measures.items.getFirst().focus();
        }
    }

    /** Shows a service failure next to the field it concerns; false when it concerns no field. */
    public boolean showError(PortalException ex) {
        String message = getTranslation(ex.messageKey(), ex.args());
        Object[] args = ex.args();
        String field = switch (ex.code()) {
            case "method.title-required" -> "title";
            case "method.category-required" -> "category";
            case "method.problem-required" -> "problem";
            case "method.measure-or-step-required" -> "measures-or-steps";
            case "method.branch-mismatch", "branch.not-found", "department.not-found" -> "branch";
            case "method.too-long", "method.too-many-items" -> args.length > 0 ? String.valueOf(args[0]) : "";
            default -> "";
        };
        switch (field) {
            case "measures-or-steps" -> {
                measures.showError(message);
                steps.showError(message);
            }
            case "measures" -> measures.showError(message);
            case "steps" -> steps.showError(message);
            default -> {
                HasValidation target = switch (field) {
                    case "title" -> title;
                    case "summary" -> summary;
                    case "category" -> category;
                    case "problem" -> problem;
                    case "concept" -> concept;
                    case "outcomes" -> outcomes;
                    case "applicability" -> applicability;
                    case "tags" -> tags;
                    case "body" -> body;
                    case "changeNote" -> changeNote;
                    case "branch" -> branch;
                    default -> null;
                };
                if (target == null) {
                    return false;
                }
                mark(target, message);
            }
        }
        return true;
    }

    public void clearErrors() {
        for (HasValidation field : List.<HasValidation>of(title, summary, category, branch, problem, concept,
                outcomes, applicability, tags, body, changeNote)) {
            field.setInvalid(false);
        }
        measures.clearError();
        steps.clearError();
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    public void fireChange() {
        fireEvent(new ChangeEvent(this));
    }

    private void text(TextFieldBase<?, String> field, String id, String labelKey, int maxLength) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setWidthFull();
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                fireChange();
            }
        });
        if (field instanceof TextField t) {
            t.setMaxLength(maxLength);
        } else if (field instanceof TextArea a) {
            a.setMaxLength(maxLength);
        }
    }

    private @Nullable Department departmentOf(long id) {
        for (Department d : departments) {
            if (d.id() == id) {
                return d;
            }
        }
        try {
            // A disabled department stays selectable when it is the method's or the author's.
            Department extra = organisation.department(id);
            departments.add(extra);
            department.setItems(departments);
            return extra;
        } catch (PortalException e) {
            return null;
        }
    }

    private static String orEmpty(@Nullable String value) {
        return Objects.requireNonNullElse(value, "");
    }

    private static boolean mark(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        return false;
    }

    /** The user asked to save (button or Ctrl+S). */
    public static class SaveEvent extends ComponentEvent<MethodForm> {
        SaveEvent(MethodForm source) {
            super(source, true);
        }
    }

    /** The user changed something (typed, chose, added, removed or moved an entry). */
    public static class ChangeEvent extends ComponentEvent<MethodForm> {
        ChangeEvent(MethodForm source) {
            super(source, true);
        }
    }
}
