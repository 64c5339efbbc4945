package org.methodportal.search.ui;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.ui.MethodForm;
import org.methodportal.proposal.ui.MethodEditorExtension;
import org.methodportal.ui.SimilarMethods;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.annotation.SpringComponent;

/**
 * The duplicate warning of the editor: once a new method's title and problem are filled,
 * the published methods most like it, with the hint "这可能是重复的" and links to propose a change
 * to one of them or to comment on it instead. Links open in a new tab, so the draft stays open.
 * Dismissed, it stays away for the rest of this editing session.
 */
class DuplicateWarning extends Div {

    static final int SHOWN = 5;

    private final transient List<SimilarMethods> similar;
    final UnorderedList list = new UnorderedList();
    final Button dismiss = new Button();
    private boolean enabled;
    private boolean dismissed;
    private String lastQuery = "";
    private Set<Long> excluded = Set.of();

    DuplicateWarning(List<SimilarMethods> similar) {
        this.similar = similar;
        setId("duplicate-warning");
        addClassName("duplicate-warning");
        getElement().setAttribute("role", "status");
        var icon = VaadinIcon.EXCLAMATION_CIRCLE_O.create();
        icon.addClassName("duplicate-warning-icon");
        Span hint = new Span(getTranslation("method.duplicate.hint"));
        hint.setId("duplicate-warning-hint");
        hint.addClassName("duplicate-warning-hint");
        Span advice = new Span(getTranslation("method.duplicate.advice"));
        advice.addClassName("duplicate-warning-advice");
        dismiss.setText(getTranslation("method.duplicate.dismiss"));
        dismiss.setId("duplicate-warning-dismiss");
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        dismiss.addClickListener(e -> {
            dismissed = true;
            setVisible(false);
        });
        Div head = new Div(icon, hint, dismiss);
        head.addClassName("duplicate-warning-head");
        list.setId("duplicate-warning-list");
        add(head, advice, list);
        setVisible(false);
    }

    /**
     * Starts an editing session: {@code on} for new methods and drafts (a change request is the
     * right way already), with the ids that must not be offered (the draft itself).
     */
    void start(boolean on, Set<Long> excludedIds) {
        enabled = on && !similar.isEmpty();
        dismissed = false;
        lastQuery = "";
        excluded = Set.copyOf(excludedIds);
        list.removeAll();
        setVisible(false);
    }

    /** Looks again when the title and the problem are both filled and changed since the last look. */
    void update(String title, String problem) {
        if (!enabled || dismissed) {
            return;
        }
        String t = title.strip();
        String p = problem.strip();
        if (t.isEmpty() || p.isEmpty()) {
            setVisible(false);
            return;
        }
        String query = t + "\n" + p;
        if (query.equals(lastQuery)) {
            return;
        }
        lastQuery = query;
        List<SimilarMethods.Link> links = similar.stream()
                .flatMap(s -> s.similarToDraft(t, p, excluded, SHOWN).stream()).limit(SHOWN).toList();
        show(links);
    }

    private void show(List<SimilarMethods.Link> links) {
        list.removeAll();
        int index = 0;
        for (SimilarMethods.Link link : links) {
            Anchor title = newTab(link.route(), link.title());
            title.setId("duplicate-warning-link-" + index);
            title.addClassName("duplicate-warning-title");
            Anchor propose = newTab(link.route() + "/propose", getTranslation("method.duplicate.propose"));
            propose.setId("duplicate-warning-propose-" + index);
            Anchor comment = newTab(link.route() + "#method-discussion", getTranslation("method.duplicate.comment"));
            comment.setId("duplicate-warning-comment-" + index);
            ListItem item = new ListItem(title, propose, comment);
            item.addClassName("duplicate-warning-item");
            list.add(item);
            index++;
        }
        setVisible(!links.isEmpty());
    }

    private static Anchor newTab(String route, String text) {
        Anchor anchor = new Anchor(route, text);
        anchor.setTarget(AnchorTarget.BLANK);
        anchor.getElement().setAttribute("rel", "noopener");
        return anchor;
    }

    /**
     * Puts a duplicate warning right under the problem field of every method editor: the warning
     * concerns what was just typed there and in the title.
     */
    @SpringComponent
    @Order(20)
    static class Extension implements MethodEditorExtension {

        private final ObjectProvider<SimilarMethods> similar;

        Extension(ObjectProvider<SimilarMethods> similar) {
            this.similar = similar;
        }

        @Override
        public Helper create(MethodForm form) {
            var warning = new DuplicateWarning(similar.orderedStream().toList());
            Runnable look = () -> warning.update(form.title.getValue(), form.problem.getValue());
            form.title.addValueChangeListener(e -> look.run());
            form.problem.addValueChangeListener(e -> look.run());
            form.title.addBlurListener(e -> look.run());
            form.problem.addBlurListener(e -> look.run());
            return new Helper() {

                @Override
                public Component component() {
                    return warning;
                }

                @Override
                public Placement placement() {
                    return Placement.BELOW_PROBLEM;
                }

                @Override
                public void reset() {
                    warning.start(false, Set.of());
                }

                @Override
                public void opened(@Nullable MethodDetail method, boolean proposingChange) {
                    if (proposingChange) {
                        return;
                    }
                    // A change request already is the way to improve an existing entry: no duplicate warning.
                    warning.start(method == null || !method.isChangeRequest(),
                            method == null ? Set.of() : Set.of(method.id()));
                    look.run();
                }

                @Override
                public void restored() {
                    look.run();
                }
            };
        }
    }
}
