package org.methodportal.merge.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.OrganisationService;
import org.methodportal.merge.MergeDraft;
import org.methodportal.merge.MergeDraft.SourceText;
import org.methodportal.merge.MergeService;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.ui.ItemListField;
import org.methodportal.method.ui.MethodForm;
import org.methodportal.method.ui.MethodLabels;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

/**
 * Composing a merge (总结提炼): the sources side by side, field by field and read-only, each field
 * and list item with an "采用" button that copies it into the target editor beside them, where the
 * reviewer then edits freely. Saving keeps everything typed when the service refuses (the form is
 * never reset on an error); submitting saves unsaved changes first.
 */
@Route("merge/:id(\\d+)")
@RolesAllowed({"REVIEWER", "ADMIN"})
public class MergeComposeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The fields of a method in domain order, with how to read each from a source. */
    private record TextField(String key, String labelKey, Function<MethodContent, @Nullable String> value) {
    }

    private static final List<TextField> HEAD = List.of(
            new TextField("title", "method.field.title", MethodContent::title),
            new TextField("summary", "method.field.summary", MethodContent::summary),
            new TextField("problem", "method.field.problem", MethodContent::problem),
            new TextField("concept", "method.field.concept", MethodContent::concept));
    private static final List<TextField> TAIL = List.of(
            new TextField("outcomes", "method.field.outcomes", MethodContent::outcomes),
            new TextField("applicability", "method.field.applicability", MethodContent::applicability),
            new TextField("body", "method.field.body", MethodContent::body));

    private final transient MergeService merges;
    private final transient MethodService methods;
    private final transient OrganisationService organisation;
    private @Nullable MethodForm form;
    private long mergeId;
    private int baseRevision;
    private @Nullable MethodContent saved;
    private String pageTitle = "";

    MergeComposeView(MergeService merges, MethodService methods, OrganisationService organisation) {
        this.merges = merges;
        this.methods = methods;
        this.organisation = organisation;
        setId("merge-compose");
        addClassNames("portal-page", "merge-compose");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        pageTitle = getTranslation("merge.compose.title");
        mergeId = Long.parseLong(event.getRouteParameters().get("id").orElseThrow());
        try {
            show(merges.draft(mergeId));
        } catch (PortalException e) {
            if (e.kind() == PortalException.Kind.NOT_FOUND) {
                MethodLabels.showNotFound(this, e);
            } else {
                Notifications.error(getTranslation(e.messageKey(), e.args()));
            }
        }
    }

    private void show(MergeDraft draft) {
        MethodDetail merge = draft.merge();
        baseRevision = merge.latestRevision();
        H1 title = new H1(getTranslation("merge.compose.title"));
        Span mode = new Span(merge.isChangeRequest()
                ? getTranslation("merge.compose.into-existing", String.valueOf(merge.changeOfTitle()))
                : getTranslation("merge.compose.new-entry"));
        mode.setId("merge-mode-label");
        RouterLink page = new RouterLink(getTranslation("merge.compose.proposal-page", merge.id()),
                MethodPageView.class, MethodPageView.parameters(merge.id()));
        page.setId("merge-proposal-link");
        Div meta = new Div(MethodLabels.statusBadge(this, merge.status()), mode, page);
        meta.addClassName("merge-meta");
        add(title, meta);

        List<SourceText> columns = new ArrayList<>();
        if (draft.target() != null) {
            columns.add(draft.target());
        }
        columns.addAll(draft.sources());
        // Only the reviewer who started the merge composes it (the service checks again).
        if (!draft.may().mayCompose()) {
            add(new Paragraph(getTranslation("merge.compose.read-only")));
            add(sourcesPanel(columns, draft.target() != null, false));
            return;
        }
        MethodForm target = new MethodForm(methods, organisation);
        form = target;
        target.setId("merge-target-form");
        target.fill(merge.revision().content());
        target.setOrigin(merge.originDepartmentId(), merge.originBranchId());
        target.setOriginReadOnly(true);
        target.addSaveListener(e -> save());
        saved = target.content();

        Button submit = new Button(getTranslation("merge.compose.submit"), VaadinIcon.PAPERPLANE.create(),
                e -> submit());
        submit.setId("merge-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button abandon = new Button(getTranslation("merge.compose.abandon"), VaadinIcon.TRASH.create(),
                e -> confirmAbandon());
        abandon.setId("merge-abandon");
        abandon.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(submit);
        if (!merge.isChangeRequest()) {
            Button intoExisting = new Button(getTranslation("merge.compose.into-existing-action"),
                    VaadinIcon.FILE_TREE_SUB.create(), e -> chooseExisting());
            intoExisting.setId("merge-into-existing");
            intoExisting.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            actions.add(intoExisting);
        }
        actions.add(abandon);
        actions.addClassName("merge-actions");

        H2 targetHeading = new H2(getTranslation("merge.compose.target"));
        VerticalLayout targetColumn = new VerticalLayout(targetHeading, target, actions);
        targetColumn.addClassName("merge-target-column");
        targetColumn.setPadding(false);
        Div sourcesPanel = sourcesPanel(columns, draft.target() != null, true);
        HorizontalLayout panes = new HorizontalLayout(sourcesPanel, targetColumn);
        panes.addClassName("merge-panes");
        panes.setWidthFull();
        panes.setFlexGrow(3, sourcesPanel);
        panes.setFlexGrow(2, targetColumn);
        add(panes);
        pageTitle = merge.revision().content().title();
    }

    // ---- the sources, side by side

    private Div sourcesPanel(List<SourceText> columns, boolean firstIsTarget, boolean adopt) {
        Div panel = new Div();
        panel.setId("merge-sources-panel");
        panel.addClassName("merge-sources");
        panel.getStyle().set("--merge-columns", String.valueOf(Math.max(columns.size(), 1)));
        H2 heading = new H2(getTranslation("merge.compose.sources"));
        panel.add(heading);
        Div header = row();
        for (int i = 0; i < columns.size(); i++) {
            SourceText column = columns.get(i);
            String label = firstIsTarget && i == 0 ? getTranslation("merge.compose.existing")
                    : getTranslation("merge.compose.source", firstIsTarget ? i : i + 1);
            RouterLink link = new RouterLink(column.revision().content().title(), MethodPageView.class,
                    MethodPageView.parameters(column.id(), column.revision().number()));
            Div cell = new Div(new Span(label), link, MethodLabels.statusBadge(this, column.status()));
            cell.addClassNames("merge-cell", "merge-column-head");
            header.add(cell);
        }
        panel.add(header);
        HEAD.forEach(field -> panel.add(textRow(field, columns, adopt)));
        panel.add(categoryRow(columns, adopt));
        panel.add(listRow("measures", "method.field.measures", MethodContent::measures, columns, adopt));
        panel.add(listRow("steps", "method.field.steps", MethodContent::steps, columns, adopt));
        panel.add(listRow("tags", "method.field.tags", MethodContent::tags, columns, adopt));
        TAIL.forEach(field -> panel.add(textRow(field, columns, adopt)));
        return panel;
    }

    private Div textRow(TextField field, List<SourceText> columns, boolean adopt) {
        Div block = fieldBlock(field.labelKey());
        Div row = row();
        for (int i = 0; i < columns.size(); i++) {
            String value = field.value().apply(columns.get(i).revision().content());
            Div cell = cell(value == null || value.isBlank() ? null : value);
            if (adopt && value != null && !value.isBlank()) {
                cell.add(adoptButton("merge-adopt-" + field.key() + "-" + i, () -> setText(field.key(), value)));
            }
            row.add(cell);
        }
        block.add(row);
        return block;
    }

    private Div categoryRow(List<SourceText> columns, boolean adopt) {
        Div block = fieldBlock("method.field.category");
        Div row = row();
        for (int i = 0; i < columns.size(); i++) {
            var category = columns.get(i).revision().content().category();
            Div cell = cell(MethodLabels.category(this, category));
            if (adopt) {
                cell.add(adoptButton("merge-adopt-category-" + i, () -> form().category.setValue(category)));
            }
            row.add(cell);
        }
        block.add(row);
        return block;
    }

    private Div listRow(String key, String labelKey, Function<MethodContent, List<String>> values,
                        List<SourceText> columns, boolean adopt) {
        Div block = fieldBlock(labelKey);
        Div row = row();
        for (int i = 0; i < columns.size(); i++) {
            List<String> items = values.apply(columns.get(i).revision().content());
            Div cell = new Div();
            cell.addClassName("merge-cell");
            if (items.isEmpty()) {
                cell.add(empty());
            }
            for (int n = 0; n < items.size(); n++) {
                String item = items.get(n);
                Div line = new Div(new Span(item));
                line.addClassName("merge-item");
                if (adopt) {
                    line.add(adoptButton("merge-adopt-" + key + "-" + i + "-" + n, () -> addItem(key, item)));
                }
                cell.add(line);
            }
            if (adopt && !items.isEmpty()) {
                Button all = new Button(getTranslation("merge.compose.adopt-all"), e -> setItems(key, items));
                all.setId("merge-adopt-" + key + "-" + i);
                all.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                cell.add(all);
            }
            row.add(cell);
        }
        block.add(row);
        return block;
    }

    private Div fieldBlock(String labelKey) {
        Div block = new Div(new H3(getTranslation(labelKey)));
        block.addClassName("merge-field");
        return block;
    }

    private static Div row() {
        Div row = new Div();
        row.addClassName("merge-row");
        return row;
    }

    private Div cell(@Nullable String text) {
        Div cell = new Div();
        cell.addClassName("merge-cell");
        if (text == null) {
            cell.add(empty());
        } else {
            Paragraph value = new Paragraph(text);
            value.addClassName("merge-value");
            cell.add(value);
        }
        return cell;
    }

    private Span empty() {
        Span none = new Span(getTranslation("merge.compose.empty"));
        none.addClassName("merge-empty");
        return none;
    }

    private Button adoptButton(String id, Runnable copy) {
        Button button = new Button(getTranslation("merge.compose.adopt"), VaadinIcon.ARROW_RIGHT.create(), e -> {
            copy.run();
            form().fireChange();
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setTooltipText(getTranslation("merge.compose.adopt-help"));
        return button;
    }

    // ---- copying into the target

    private MethodForm form() {
        if (form == null) {
            throw new IllegalStateException("no target editor on a read-only merge");
        }
        return form;
    }

    private void setText(String key, String value) {
        MethodForm f = form();
        switch (key) {
            case "title" -> f.title.setValue(value);
            case "summary" -> f.summary.setValue(value);
            case "problem" -> f.problem.setValue(value);
            case "concept" -> f.concept.setValue(value);
            case "outcomes" -> f.outcomes.setValue(value);
            case "applicability" -> f.applicability.setValue(value);
            case "body" -> f.body.setValue(value);
            default -> throw new IllegalArgumentException(key);
        }
    }

    private void addItem(String key, String item) {
        MethodForm f = form();
        if (key.equals("tags")) {
            Set<String> tags = new LinkedHashSet<>(f.tags.getValue());
            tags.add(item);
            f.tags.setValue(tags);
            return;
        }
        ItemListField list = key.equals("measures") ? f.measures : f.steps;
        List<String> values = new ArrayList<>(list.values());
        if (!values.contains(item)) {
            values.add(item);
            list.setValues(values);
        }
    }

    private void setItems(String key, List<String> items) {
        MethodForm f = form();
        switch (key) {
            case "tags" -> f.tags.setValue(new LinkedHashSet<>(items));
            case "measures" -> f.measures.setValues(items);
            default -> f.steps.setValues(items);
        }
        f.fireChange();
    }

    // ---- saving

    private boolean save() {
        MethodForm f = form();
        if (!f.validate()) {
            return false;
        }
        try {
            MethodDetail after = merges.compose(mergeId, f.content(), baseRevision, f.changeNote());
            baseRevision = after.latestRevision();
            saved = f.content();
            f.changeNote.clear();
            Notifications.success(getTranslation("merge.compose.saved", baseRevision));
            return true;
        } catch (PortalException ex) {
            if (!f.showError(ex)) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
            return false;
        }
    }

    private void submit() {
        MethodForm f = form();
        if (!f.content().equals(saved) && !save()) {
            return;
        }
        try {
            merges.submit(mergeId, baseRevision);
            Notifications.success(getTranslation("merge.compose.submitted"));
            UI.getCurrent().navigate(MethodPageView.class, MethodPageView.parameters(mergeId));
        } catch (PortalException ex) {
            Notifications.error(getTranslation(ex.messageKey(), ex.args()));
        }
    }

    /** Continues the composed text as a merge into a chosen published entry (a change request). */
    private void chooseExisting() {
        Dialog dialog = new Dialog();
        dialog.setId("merge-into-existing-dialog");
        dialog.setHeaderTitle(getTranslation("merge.compose.into-existing-action"));
        ComboBox<MethodSummary> target = new ComboBox<>(getTranslation("merge.start.target"));
        target.setId("merge-into-existing-target");
        target.setPlaceholder(getTranslation("merge.start.add-placeholder"));
        target.setWidth("32rem");
        target.setItems(query -> MergeStartView.find(methods, query.getFilter().orElse(""), MethodStatus.PUBLISHED,
                query.getOffset(), query.getLimit()));
        target.setItemLabelGenerator(m -> MergeStartView.label(this, m));
        dialog.add(new Paragraph(getTranslation("merge.compose.into-existing-text")), target);
        Button cancel = new Button(getTranslation("admin.cancel"), e -> dialog.close());
        Button confirm = new Button(getTranslation("merge.compose.into-existing-action"), e -> {
            MethodForm f = form();
            if (target.getValue() == null) {
                target.setInvalid(true);
                target.setErrorMessage(getTranslation("merge.start.target-required"));
                return;
            }
            if (!f.validate()) {
                dialog.close();
                return;
            }
            try {
                MethodDetail request = merges.mergeIntoExisting(mergeId, target.getValue().id(), f.content(),
                        f.changeNote());
                dialog.close();
                UI.getCurrent().navigate(MergeComposeView.class, MethodPageView.parameters(request.id()));
            } catch (PortalException ex) {
                target.setInvalid(true);
                target.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        confirm.setId("merge-into-existing-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private void confirmAbandon() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("merge-abandon-dialog");
        dialog.setHeader(getTranslation("merge.compose.abandon"));
        dialog.setText(getTranslation("merge.compose.abandon-text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("admin.cancel"));
        dialog.setConfirmText(getTranslation("merge.compose.abandon"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                merges.abandon(mergeId);
                UI.getCurrent().navigate(MethodPageView.class, MethodPageView.parameters(mergeId));
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return pageTitle + " | " + getTranslation("app.name");
    }
}
