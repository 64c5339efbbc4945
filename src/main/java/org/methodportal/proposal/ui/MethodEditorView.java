package org.methodportal.proposal.ui;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.OrganisationService;
import org.methodportal.method.DraftOrigin;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodField;
import org.methodportal.method.MethodProperties;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStaleException;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.Revision;
import org.methodportal.method.WorkingCopy;
import org.methodportal.method.ui.EditorDraft;
import org.methodportal.method.ui.MethodForm;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.proposal.OpenChangeRequest;
import org.methodportal.proposal.ProposalService;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Confirmations;
import org.methodportal.ui.Notifications;
import org.methodportal.ui.PrefilledText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates a method ("methods/new"), saves a new revision of a draft or change request
 * ("methods/{id}/edit") or opens a change request (修改提案) of a published method
 * ("methods/{id}/propose", prefilled with its published text and, given {@code ?prefill=}, with that
 * text as the change note; the working copy starts with the first save, until then leaving asks first).
 * The open editor's state is autosaved as a working copy every 30 seconds
 * (portal.method.autosave-interval) and when leaving, and offered back on the next opening; a save
 * based on an outdated revision shows both versions and
 * lets the user save theirs on top of the latest, so nothing is lost or silently overwritten.
 */
@Route("methods/new")
@RouteAlias("methods/:id(\\d+)/edit")
@RouteAlias("methods/:id(\\d+)/propose")
@Menu(title = "method.nav.new", icon = "vaadin:plus", order = 11)
@RolesAllowed({"SECRETARY", "REVIEWER", "ADMIN"})
public class MethodEditorView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver,
        HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(MethodEditorView.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final H2 heading = new H2();
    final MethodForm form;
    final Span autosaveStatus = new Span();
    private final transient MethodService methods;
    private final transient ProposalService proposals;
    /** The helpers of other modules (normalisation assistant, duplicate warning), in their order. */
    final List<MethodEditorExtension.Helper> helpers;
    private final transient JsonMapper json;
    private final int autosaveMillis;
    private @Nullable Long methodId;
    private @Nullable Integer baseRevision;
    /** Change requests of the method already in review, when proposing another one. */
    private final Div openRequests = new Div();
    /** The published method a new change request is written for (propose mode until the first save). */
    private @Nullable Long changeOfId;
    /** Changed since the last explicit save: leaving asks first. */
    private boolean dirty;
    /** Changed since the last working copy was written. */
    private boolean autosavePending;
    private @Nullable Registration pollRegistration;

    MethodEditorView(MethodService methods, ProposalService proposals, OrganisationService organisation,
                     JsonMapper json, MethodProperties properties, ObjectProvider<MethodEditorExtension> extensions) {
        this.methods = methods;
        this.proposals = proposals;
        this.autosaveMillis = Math.toIntExact(properties.autosaveInterval().toMillis());
        this.json = json;
        setId("method-editor-view");
        addClassName("portal-page");
        form = new MethodForm(methods, organisation);
        form.addChangeListener(e -> {
            dirty = true;
            autosavePending = true;
        });
        form.addSaveListener(e -> save());
        autosaveStatus.setId("method-autosave-status");
        autosaveStatus.addClassName("method-autosave-status");
        heading.setId("method-editor-heading");
        helpers = extensions.orderedStream().map(extension -> extension.create(form)).toList();
        openRequests.setId("method-editor-open-requests");
        openRequests.addClassName("method-banner");
        add(heading, openRequests, autosaveStatus);
        Div side = new Div();
        side.setId("method-editor-side");
        side.addClassName("method-editor-side");
        for (MethodEditorExtension.Helper helper : helpers) {
            switch (helper.placement()) {
                case BELOW_PROBLEM -> form.addComponentAtIndex(form.indexOf(form.problem) + 1, helper.component());
                case BESIDE_FORM -> side.add(helper.component());
                case ABOVE_FORM -> add(helper.component());
            }
        }
        Div body = new Div(form);
        body.addClassName("method-editor-body");
        if (side.getComponentCount() > 0) {
            body.add(side);
            body.addClassName("method-editor-with-side");
        }
        add(body);
        setMaxWidth(side.getComponentCount() > 0 ? "96rem" : "72rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // The same instance serves "new" and "edit": start from a clean state every time.
        methodId = null;
        baseRevision = null;
        changeOfId = null;
        dirty = false;
        autosavePending = false;
        autosaveStatus.setText("");
        openRequests.removeAll();
        openRequests.setVisible(false);
        helpers.forEach(MethodEditorExtension.Helper::reset);
        form.clear();
        form.setOriginReadOnly(false);
        Optional<Long> id = event.getRouteParameters().getLong("id");
        @Nullable MethodDetail opened = null;
        if (id.isPresent()) {
            MethodDetail method;
            try {
                method = methods.get(id.get());
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                form.setVisible(false);
                helpers.forEach(MethodEditorExtension.Helper::unavailable);
                heading.setText(getTranslation("method.editor.edit-title"));
                return;
            }
            form.fill(method.revision().content());
            form.setOrigin(method.originDepartmentId(), method.originBranchId());
            form.setOriginReadOnly(true);
            if (event.getLocation().getPath().endsWith("/propose")) {
                changeOfId = method.id();
                showOpenRequests(method.id());
                heading.setText(getTranslation("method.editor.propose-heading", method.revision().content().title(),
                        method.revision().number()));
                // e.g. an adoption report proposing a change: its text as the change note, for the user to edit
                PrefilledText.of(event.getLocation(), MethodForm.CHANGE_NOTE_MAX)
                        .ifPresent(text -> form.changeNote.setValue(text.replaceAll("\\s+", " ")));
                form.setVisible(true);
                helpers.forEach(helper -> helper.opened(method, true));
                return;
            }
            methodId = method.id();
            baseRevision = method.latestRevision();
            heading.setText(getTranslation(method.isChangeRequest() ? "method.editor.edit-change-heading"
                    : "method.editor.edit-heading", method.revision().content().title(), method.latestRevision()));
            opened = method;
        } else {
            heading.setText(getTranslation("method.nav.new"));
            DraftOrigin origin = methods.draftOrigin();
            form.setOrigin(origin.departmentId(), origin.branchId());
            // Only administrators file a method for another branch; the service enforces it too.
            form.setOriginReadOnly(!origin.mayChooseOrigin());
        }
        form.setVisible(true);
        MethodDetail shown = opened;
        helpers.forEach(helper -> helper.opened(shown, false));
        methods.workingCopy(methodId).ifPresent(this::offerRestore);
    }

    /**
     * Whoever proposes a change should know that others are in review: once one is approved, this
     * one must be updated onto the new version.
     */
    private void showOpenRequests(long targetId) {
        List<OpenChangeRequest> open = proposals.changeRequestsInReview(targetId);
        if (open.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        for (OpenChangeRequest request : open) {
            Component title = request.visible()
                    ? new RouterLink(request.title(), MethodPageView.class, MethodPageView.parameters(request.id()))
                    : new Span(request.title());
            list.add(new ListItem(title, new Span(" · " + request.ownerName())));
        }
        openRequests.add(new Span(getTranslation("method.editor.open-requests", open.size())), list,
                new Span(getTranslation("method.editor.open-requests-note")));
        openRequests.setVisible(true);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!dirty) {
            return;
        }
        autosave();
        var action = event.postpone();
        Confirmations.confirmLeaving("method-leave-dialog", getTranslation("method.editor.leave-header"),
                getTranslation("method.editor.leave-text"), getTranslation("method.editor.stay"),
                getTranslation("method.editor.leave"), () -> {
                    dirty = false;
                    action.proceed();
                });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(autosaveMillis);
        pollRegistration = ui.addPollListener(e -> autosave());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        event.getUI().setPollInterval(-1);
    }

    /** Writes the working copy when something changed since the last one; failures only show in the status line. */
    void autosave() {
        // A change request not saved yet has no row to key its working copy on (see the class comment).
        if (!autosavePending || changeOfId != null) {
            return;
        }
        try {
            methods.saveWorkingCopy(methodId, baseRevision, json.writeValueAsString(form.draft()));
            autosavePending = false;
            autosaveStatus.setText(getTranslation("method.editor.autosaved",
                    TIME.format(LocalDateTime.now(ZoneId.systemDefault()))));
        } catch (PortalException ex) {
            log.warn("autosave of method {} refused: {}", methodId, ex.code());
            autosaveStatus.setText(getTranslation(ex.messageKey(), ex.args()));
        } catch (JacksonException ex) {
            log.warn("autosave of method {} failed to serialise: {}", methodId, ex.getOriginalMessage());
        }
    }

    private void offerRestore(WorkingCopy copy) {
        EditorDraft draft;
        try {
            draft = json.readValue(copy.content(), EditorDraft.class);
        } catch (JacksonException ex) {
            log.warn("unreadable working copy of method {}: {}", methodId, ex.getOriginalMessage());
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("method-restore-dialog");
        dialog.setHeader(getTranslation("method.editor.restore-header"));
        dialog.setText(getTranslation("method.editor.restore-text",
                TIME.format(copy.savedAt().atZone(ZoneId.systemDefault()))));
        Button restore = new Button(getTranslation("method.editor.restore"));
        restore.setId("method-restore");
        restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        restore.addClickListener(e -> {
            form.restore(draft);
            helpers.forEach(MethodEditorExtension.Helper::restored);
            if (copy.baseRevision() != null) {
                // Saving checks this base: if someone saved since, the conflict dialog takes over.
                baseRevision = copy.baseRevision();
            }
            dirty = true;
            autosavePending = false;
            dialog.close();
        });
        Button discard = new Button(getTranslation("method.editor.discard"));
        discard.setId("method-discard");
        discard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        discard.addClickListener(e -> {
            methods.discardWorkingCopy(methodId);
            dialog.close();
        });
        dialog.setConfirmButton(restore);
        dialog.setRejectable(true);
        dialog.setRejectButton(discard);
        dialog.open();
    }

    private void save() {
        // The messages stand next to the fields and the first one gets the focus; no toast over them.
        if (!form.validate()) {
            return;
        }
        MethodContent content = form.content();
        String note = form.changeNote();
        try {
            MethodDetail saved;
            if (changeOfId != null) {
                saved = proposals.proposeChange(changeOfId, content, note);
            } else if (methodId == null) {
                saved = methods.createDraft(content, form.departmentId(), form.branchId(), note);
            } else {
                saved = methods.saveRevision(methodId, content, Objects.requireNonNull(baseRevision), note);
            }
            saved(saved);
        } catch (MethodStaleException ex) {
            showConflict(ex, content, note);
        } catch (PortalException ex) {
            if (!form.showError(ex)) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        }
    }

    private void saved(MethodDetail saved) {
        helpers.forEach(helper -> helper.saved(saved.id()));
        dirty = false;
        autosavePending = false;
        Notifications.success(getTranslation("method.editor.saved", saved.latestRevision()));
        UI.getCurrent().navigate("methods/" + saved.id());
    }

    /** Both versions side by side, field by field where they differ; the user's text stays in the form. */
    private void showConflict(MethodStaleException stale, MethodContent mine, String note) {
        Revision latest;
        try {
            latest = methods.revision(stale.methodId(), stale.latestRevision());
        } catch (PortalException ex) {
            Notifications.error(getTranslation(stale.messageKey(), stale.args()));
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("method-conflict-dialog");
        dialog.setHeaderTitle(getTranslation("method.editor.conflict-header"));
        dialog.setWidth("min(90vw, 64rem)");
        VerticalLayout fields = new VerticalLayout(new Paragraph(getTranslation(stale.messageKey(), stale.args())));
        fields.setPadding(false);
        for (MethodField field : MethodField.values()) {
            String theirs = text(latest.content(), field);
            String ours = text(mine, field);
            if (theirs.equals(ours)) {
                continue;
            }
            String id = field.name().toLowerCase(Locale.ROOT);
            TextArea left = readOnly("method-conflict-latest-" + id, getTranslation("method.editor.conflict-latest",
                    latest.number(), latest.authorName()), theirs);
            TextArea right = readOnly("method-conflict-mine-" + id, getTranslation("method.editor.conflict-mine"),
                    ours);
            HorizontalLayout row = new HorizontalLayout(left, right);
            row.setWidthFull();
            fields.add(new H4(getTranslation(field.key())), row);
        }
        dialog.add(fields);
        Button resave = new Button(getTranslation("method.editor.conflict-resave"), e -> {
            dialog.close();
            try {
                saved(methods.saveRevision(stale.methodId(), mine, latest.number(), note));
            } catch (MethodStaleException again) {
                showConflict(again, mine, note);
            } catch (PortalException ex) {
                if (!form.showError(ex)) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                }
            }
        });
        resave.setId("method-conflict-resave");
        resave.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), e -> dialog.close());
        cancel.setId("method-conflict-cancel");
        dialog.getFooter().add(cancel, resave);
        dialog.open();
    }

    private static TextArea readOnly(String id, String label, String value) {
        TextArea area = new TextArea(label);
        area.setId(id);
        area.setValue(value);
        area.setReadOnly(true);
        area.setWidth("50%");
        return area;
    }

    private static String text(MethodContent content, MethodField field) {
        return switch (field) {
            case TITLE -> orEmpty(content.title());
            case SUMMARY -> orEmpty(content.summary());
            case CATEGORY -> content.category() == null ? "" : content.category().chineseName();
            case PROBLEM -> orEmpty(content.problem());
            case CONCEPT -> orEmpty(content.concept());
            case MEASURES -> numbered(content.measures());
            case STEPS -> numbered(content.steps());
            case OUTCOMES -> orEmpty(content.outcomes());
            case APPLICABILITY -> orEmpty(content.applicability());
            case TAGS -> String.join(", ", content.tags());
            case BODY -> orEmpty(content.body());
        };
    }

    private static String numbered(List<String> items) {
        return IntStream.range(0, items.size()).mapToObj(i -> (i + 1) + ". " + items.get(i))
                .collect(Collectors.joining("\n"));
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation(methodId == null ? "method.nav.new" : "method.editor.edit-title") + " | "
                + getTranslation("app.name");
    }
}
