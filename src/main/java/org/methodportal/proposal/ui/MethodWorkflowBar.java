package org.methodportal.proposal.ui;

import java.util.function.Supplier;

import org.methodportal.method.MethodDetail;
import org.methodportal.proposal.MethodPermissions;
import org.methodportal.proposal.ProposalService;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * The workflow buttons of a method page: only those the service's {@link MethodPermissions} allow
 * the current user in the current status (the service checks again on click). Transitions that
 * others rely on ask first.
 */
class MethodWorkflowBar extends HorizontalLayout {

    private final transient ProposalService proposals;
    private final MethodDetail method;
    private final Runnable reload;

    MethodWorkflowBar(ProposalService proposals, MethodDetail method, MethodPermissions may, Runnable reload) {
        this.proposals = proposals;
        this.method = method;
        this.reload = reload;
        setId("method-workflow");
        addClassName("method-workflow");
        setAlignItems(FlexComponent.Alignment.CENTER);
        setSpacing(true);
        String id = String.valueOf(method.id());
        if (may.mayEdit()) {
            add(link("method-edit", "method.workflow.edit", VaadinIcon.EDIT, "methods/" + id + "/edit", true));
        }
        if (may.maySubmit()) {
            add(action("method-submit", "method.workflow.submit", VaadinIcon.PAPERPLANE, true,
                    "method.workflow.submit-text", () -> proposals.submit(method.id(), method.latestRevision())));
        }
        if (may.mayWithdraw()) {
            add(action("method-withdraw", "method.workflow.withdraw", VaadinIcon.ARROW_BACKWARD, false,
                    "method.workflow.withdraw-text", () -> proposals.withdraw(method.id())));
        }
        // The update of an outdated change request is offered by its banner (ProposalPageParts).
        if (may.mayReview()) {
            // The review form belongs to the review module; the route is its public address.
            add(link("method-review", "method.workflow.review", VaadinIcon.CLIPBOARD_CHECK, "reviews/" + id, true));
        }
        if (may.mayProposeChange()) {
            add(link("method-propose", "method.workflow.propose", VaadinIcon.EDIT, "methods/" + id + "/propose", false));
        }
        if (may.mayArchive()) {
            add(action("method-archive", "method.workflow.archive", VaadinIcon.ARCHIVE, false,
                    "method.workflow.archive-text", () -> proposals.archive(method.id())));
        }
        if (may.mayRestore()) {
            add(action("method-restore", "method.workflow.restore", VaadinIcon.ARROW_BACKWARD, false,
                    "method.workflow.restore-text", () -> proposals.restore(method.id())));
        }
    }

    private Button link(String id, String labelKey, VaadinIcon icon, String route, boolean primary) {
        Button button = new Button(getTranslation(labelKey), icon.create(), e -> UI.getCurrent().navigate(route));
        button.setId(id);
        button.addThemeVariants(primary ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
        return button;
    }

    private Button action(String id, String labelKey, VaadinIcon icon, boolean primary, String textKey,
                          Supplier<MethodDetail> transition) {
        Button button = new Button(getTranslation(labelKey), icon.create(), e -> confirm(labelKey, textKey, transition));
        button.setId(id);
        button.addThemeVariants(primary ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
        return button;
    }

    private void confirm(String labelKey, String textKey, Supplier<MethodDetail> transition) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("method-workflow-dialog");
        dialog.setHeader(getTranslation(labelKey));
        dialog.setText(getTranslation(textKey));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("admin.cancel"));
        dialog.setConfirmText(getTranslation(labelKey));
        dialog.addConfirmListener(e -> {
            try {
                MethodDetail after = transition.get();
                Notifications.success(getTranslation("method.workflow.done",
                        getTranslation("method.status." + after.status().name())));
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
            reload.run();
        });
        dialog.open();
    }
}
