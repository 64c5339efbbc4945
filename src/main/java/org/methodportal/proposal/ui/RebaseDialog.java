package org.methodportal.proposal.ui;

import java.util.stream.Collectors;

import org.methodportal.method.diff.DiffHtml;
import org.methodportal.method.diff.MethodDiff;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.proposal.ProposalService;
import org.methodportal.proposal.RebasePlan;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Updating a change request onto the newest published version: which versions, what the newer
 * one changed, and either the merge at once (no conflict) or the way to the conflict view.
 */
class RebaseDialog extends Dialog {

    private final transient ProposalService proposals;
    private final long requestId;
    private final Runnable reload;

    RebaseDialog(ProposalService proposals, long requestId, Runnable reload) {
        this.proposals = proposals;
        this.requestId = requestId;
        this.reload = reload;
        setId("method-rebase-dialog");
        setHeaderTitle(getTranslation("method.workflow.rebase"));
        setWidth("min(56rem, 95vw)");
    }

    /** Opens the dialog with the current plan; a refusal (not the author, not outdated) is shown instead. */
    void show() {
        RebasePlan plan;
        try {
            plan = proposals.rebasePlan(requestId);
        } catch (PortalException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
            return;
        }
        Paragraph versions = new Paragraph(getTranslation("method.rebase.versions", plan.baseRevision(),
                plan.currentRevision()));
        versions.setId("method-rebase-versions");
        String fields = plan.publishedChanges().stream().map(f -> getTranslation(f.key()))
                .collect(Collectors.joining(getTranslation("method.diff.separator")));
        Paragraph changed = new Paragraph(getTranslation("method.rebase.published-changes", fields));
        changed.setId("method-rebase-published-changes");
        Details diff = new Details(getTranslation("method.rebase.show-diff"), new Html(DiffHtml.render(
                MethodDiff.between(plan.base(), plan.theirs()), this::getTranslation)));
        diff.setId("method-rebase-diff");
        diff.addClassName("method-diff-holder");
        Paragraph outcome = new Paragraph(plan.clean() ? getTranslation("method.rebase.clean")
                : getTranslation("method.rebase.conflicts", plan.conflicts().size()));
        outcome.setId("method-rebase-outcome");
        add(versions, changed, diff, outcome);

        Button cancel = new Button(getTranslation("admin.cancel"), e -> close());
        Button go;
        if (plan.clean()) {
            go = new Button(getTranslation("method.rebase.confirm"), e -> rebase());
        } else {
            go = new Button(getTranslation("method.rebase.resolve"), e -> {
                close();
                UI.getCurrent().navigate(RebaseView.class, MethodPageView.parameters(requestId));
            });
        }
        go.setId("method-rebase-confirm");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, go);
        open();
    }

    private void rebase() {
        try {
            MethodDetail after = proposals.rebase(requestId);
            Notifications.success(getTranslation("method.rebase.done", after.basePublishedRevision()));
            close();
            reload.run();
        } catch (PortalException e) {
            // A conflict that appeared meanwhile (another publication): the plan is shown again.
            Notifications.error(getTranslation(e.messageKey(), e.args()));
            close();
            reload.run();
        }
    }
}
