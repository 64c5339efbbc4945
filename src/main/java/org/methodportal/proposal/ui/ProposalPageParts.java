package org.methodportal.proposal.ui;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodSummary;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.ui.MethodLabels;
import org.methodportal.method.ui.MethodPageExtension;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.method.ui.RevisionContent;
import org.methodportal.proposal.MethodPermissions;
import org.methodportal.proposal.ProposalService;
import org.springframework.core.annotation.Order;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.annotation.SpringComponent;

/**
 * What the method page shows of the proposal workflow: the workflow bar, the button that brings an
 * outdated change request onto the published revision, and the open change requests of a method.
 */
final class ProposalPageParts implements MethodPageExtension.Parts {

    private final ProposalService proposals;
    private final MethodDetail method;
    private final Component page;
    private @Nullable MethodPermissions may;

    private ProposalPageParts(ProposalService proposals, MethodDetail method, Component page) {
        this.proposals = proposals;
        this.method = method;
        this.page = page;
    }

    @Override
    public Optional<Component> belowActions() {
        return Optional.of(new MethodWorkflowBar(proposals, method, may(), ProposalPageParts::reload));
    }

    @Override
    public Optional<Component> bannerAction(String bannerId) {
        if (!bannerId.equals("method-outdated-banner") || !may().mayRebase()) {
            return Optional.empty();
        }
        Button update = new Button(page.getTranslation("method.workflow.rebase"), VaadinIcon.REFRESH.create(),
                e -> new RebaseDialog(proposals, method.id(), ProposalPageParts::reload).show());
        update.setId("method-outdated-rebase");
        update.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        return Optional.of(update);
    }

    /** The open change requests of a public method. */
    @Override
    public Optional<Component> section() {
        if (method.isChangeRequest() || !method.status().isPublic()) {
            return Optional.empty();
        }
        List<MethodSummary> open = proposals.changeRequests(method.id(), false);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        UnorderedList list = new UnorderedList();
        for (MethodSummary request : open) {
            RouterLink link = new RouterLink(request.title(), MethodPageView.class,
                    MethodPageView.parameters(request.id()));
            ListItem item = new ListItem(link, new Span(" · " + request.ownerName() + " · "),
                    MethodLabels.statusBadge(page, request.status()));
            if (request.baseOutdated()) {
                Span outdated = new Span(page.getTranslation("method.page.outdated-badge"));
                outdated.addClassNames("portal-badge", "portal-badge-outdated");
                item.add(new Span(" "), outdated);
            }
            list.add(item);
        }
        return Optional.of(RevisionContent.section("change-requests", "method.page.change-requests", list));
    }

    /** Asked once per page, and only when a part needs it. */
    private MethodPermissions may() {
        if (may == null) {
            may = proposals.permissions(method.id());
        }
        return may;
    }

    private static void reload() {
        UI.getCurrent().getPage().reload();
    }

    /** Adds these parts to the method page, after the merge parts. */
    @SpringComponent
    @Order(20)
    static class Extension implements MethodPageExtension {

        private final ProposalService proposals;

        Extension(ProposalService proposals) {
            this.proposals = proposals;
        }

        @Override
        public MethodPageExtension.Parts create(MethodDetail method, Component page) {
            return new ProposalPageParts(proposals, method, page);
        }
    }
}
