package org.methodportal.proposal.ui;

import java.util.List;
import java.util.Optional;

import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.ui.HomeBlock;
import org.methodportal.ui.HomeSection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;

/** The home page lists one's drafts and proposals still open, each with what is needed next. */
@Component
@Order(10)
class ProposalsHomeBlock implements HomeBlock {

    private static final List<MethodStatus> OPEN = List.of(MethodStatus.DRAFT, MethodStatus.CHANGES_REQUESTED,
            MethodStatus.IN_REVIEW);

    private final MethodService methods;

    ProposalsHomeBlock(MethodService methods) {
        this.methods = methods;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(PortalUser user) {
        PageResult<MethodSummary> open = methods.myProposals(OPEN, new PageRequest(0, HomeSection.ITEMS, "updatedAt", false));
        if (open.content().isEmpty() && !user.hasRole(Role.SECRETARY)) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        List<Span> items = open.content().stream().map(s -> new Span(new Anchor("methods/" + s.id(), s.title()),
                new Span(" · " + ui.getTranslation(s.baseOutdated() ? "method.mine.next.outdated"
                        : "method.mine.next." + s.status().name())))).toList();
        return Optional.of(new HomeSection("home-proposals", ui.getTranslation("home.proposals.title", open.total()),
                items, ui.getTranslation("home.proposals.empty"), "proposals/mine",
                ui.getTranslation("home.proposals.more")));
    }
}
