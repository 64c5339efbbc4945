package org.methodportal.proposal.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.proposal.ConflictResolution;
import org.methodportal.proposal.ConflictResolution.Choice;
import org.methodportal.proposal.MergeConflict;
import org.methodportal.proposal.ProposalService;
import org.methodportal.proposal.RebasePlan;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Confirmations;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

/**
 * Resolving the conflicts of updating a change request onto the newest published version: per
 * conflicting field or run of items, the base, the published version now and the author's text
 * side by side, and the author's choice (or own text). Nothing is saved until every conflict has
 * an answer; a refused save keeps every choice and edit on screen, and leaving with answers not yet
 * saved asks first (they live only on this page).
 */
@Route("methods/:id(\\d+)/rebase")
@PermitAll
public class RebaseView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    final List<ConflictEditor> editors = new ArrayList<>();
    final Button save = new Button();
    private final transient ProposalService proposals;
    private @Nullable RebasePlan plan;
    private boolean saved;

    RebaseView(ProposalService proposals) {
        this.proposals = proposals;
        setId("rebase-view");
        addClassNames("portal-page", "rebase-page");
        setMaxWidth("84rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        editors.clear();
        plan = null;
        saved = false;
        long id = event.getRouteParameters().getLong("id").orElseThrow();
        H1 heading = new H1(getTranslation("method.workflow.rebase"));
        heading.setId("rebase-heading");
        add(heading);
        RouterLink back = new RouterLink(getTranslation("method.rebase.back"), MethodPageView.class,
                MethodPageView.parameters(id));
        back.setId("rebase-back");
        try {
            plan = proposals.rebasePlan(id);
        } catch (PortalException e) {
            add(new Paragraph(getTranslation(e.messageKey(), e.args())), back);
            return;
        }
        if (plan.baseRevision() == plan.currentRevision()) {
            Paragraph nothing = new Paragraph(getTranslation("method.rebase.nothing"));
            nothing.setId("rebase-nothing");
            add(nothing, back);
            return;
        }
        heading.setText(getTranslation("method.rebase.heading", plan.mine().title()));
        Paragraph intro = new Paragraph(getTranslation("method.rebase.intro", plan.baseRevision(),
                plan.currentRevision(), plan.conflicts().size()));
        intro.setId("rebase-intro");
        add(intro);
        for (MergeConflict conflict : plan.conflicts()) {
            ConflictEditor editor = new ConflictEditor(conflict, plan.baseRevision(), plan.currentRevision());
            editors.add(editor);
            add(editor);
        }
        save.setText(getTranslation(plan.clean() ? "method.rebase.confirm" : "method.rebase.save"));
        save.setId("rebase-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save(id));
        HorizontalLayout actions = new HorizontalLayout(save, back);
        actions.setAlignItems(Alignment.CENTER);
        add(actions);
    }

    void save(long id) {
        RebasePlan current = Objects.requireNonNull(plan);
        List<ConflictResolution> resolutions = new ArrayList<>();
        boolean missing = false;
        for (ConflictEditor editor : editors) {
            ConflictResolution resolution = editor.resolution();
            missing |= resolution == null;
            if (resolution != null) {
                resolutions.add(resolution);
            }
        }
        if (missing) {
            Notifications.error(getTranslation("method.rebase.choice-missing"));
            return;
        }
        try {
            MethodDetail after = proposals.rebase(id, current.requestRevision(), current.currentRevision(), resolutions);
            saved = true;
            Notifications.success(getTranslation("method.rebase.done", after.basePublishedRevision()));
            UI.getCurrent().navigate(MethodPageView.class, MethodPageView.parameters(id));
        } catch (PortalException e) {
            // Every choice and edit stays as it is: the author corrects it and saves again.
            Notifications.error(getTranslation(e.messageKey(), e.args()));
        }
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (saved || editors.stream().noneMatch(ConflictEditor::answered)) {
            return;
        }
        var action = event.postpone();
        Confirmations.confirmLeaving("rebase-leave-dialog", getTranslation("method.rebase.leave-header"),
                getTranslation("method.rebase.leave-text"), getTranslation("method.rebase.stay"),
                getTranslation("method.rebase.leave"), () -> {
                    saved = true;
                    action.proceed();
                });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("method.workflow.rebase") + " | " + getTranslation("app.name");
    }

    /** One conflict: the three sides next to each other, the choice, and the author's own text. */
    static final class ConflictEditor extends Section {

        final RadioButtonGroup<Choice> choice = new RadioButtonGroup<>();
        final TextArea edited = new TextArea();
        private final MergeConflict conflict;

        ConflictEditor(MergeConflict conflict, int baseRevision, int currentRevision) {
            this.conflict = conflict;
            setId("rebase-conflict-" + conflict.index());
            addClassName("rebase-conflict");
            String title = getTranslation(conflict.field().key()) + (conflict.items()
                    ? " · " + getTranslation("method.rebase.item", conflict.position()) : "");
            Div sides = new Div(side("base", getTranslation("method.rebase.base", baseRevision), conflict.base()),
                    side("theirs", getTranslation("method.rebase.theirs", currentRevision), conflict.theirs()),
                    side("mine", getTranslation("method.rebase.mine"), conflict.mine()));
            sides.addClassName("rebase-sides");
            choice.setId("rebase-choice-" + conflict.index());
            choice.setLabel(getTranslation("method.rebase.choice"));
            choice.setItems(Choice.values());
            choice.setItemLabelGenerator(c -> getTranslation("method.rebase.choice." + c.name()));
            choice.setRequiredIndicatorVisible(true);
            edited.setId("rebase-edited-" + conflict.index());
            edited.setLabel(getTranslation(conflict.items() ? "method.rebase.edited-items" : "method.rebase.edited"));
            edited.setWidthFull();
            edited.setValue(String.join("\n", conflict.mine()));
            edited.setVisible(false);
            choice.addValueChangeListener(e -> {
                choice.setInvalid(false);
                edited.setVisible(e.getValue() == Choice.EDITED);
            });
            add(new H3(title), sides, choice, edited);
        }

        /** Whether the author chose a side or changed the text: work that leaving would lose. */
        boolean answered() {
            return choice.getValue() != null || !edited.getValue().equals(String.join("\n", conflict.mine()));
        }

        /** The author's answer, or null (marked on screen) while none is chosen. */
        @Nullable ConflictResolution resolution() {
            Choice chosen = choice.getValue();
            if (chosen == null) {
                choice.setInvalid(true);
                choice.setErrorMessage(getTranslation("method.rebase.choice-missing"));
                return null;
            }
            if (chosen != Choice.EDITED) {
                return ConflictResolution.of(conflict.index(), chosen);
            }
            List<String> values = conflict.items()
                    ? Arrays.stream(edited.getValue().split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                    : edited.getValue().isBlank() ? List.of() : List.of(edited.getValue().strip());
            return new ConflictResolution(conflict.index(), chosen, values);
        }

        private Div side(String name, String label, List<String> values) {
            Span heading = new Span(label);
            heading.addClassName("rebase-side-label");
            Component content;
            if (values.isEmpty()) {
                Span empty = new Span(getTranslation("method.rebase.empty"));
                empty.addClassName("rebase-empty");
                content = empty;
            } else if (conflict.items()) {
                OrderedList list = new OrderedList();
                values.forEach(v -> list.add(new ListItem(v)));
                content = list;
            } else {
                Paragraph text = new Paragraph(values.getFirst());
                text.addClassName("method-text");
                content = text;
            }
            Div side = new Div(heading, content);
            side.setId("rebase-" + name + "-" + conflict.index());
            side.addClassNames("rebase-side", "rebase-side-" + name);
            return side;
        }
    }
}
