package org.methodportal.recheck.ui;

import java.util.List;
import java.util.Optional;

import org.methodportal.recheck.RecheckDue;
import org.methodportal.recheck.RecheckService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.ui.HomeBlock;
import org.methodportal.ui.HomeSection;
import org.methodportal.ui.PageFocus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;

/** A reviewer's home page lists the methods of their departments due for review, the longest overdue first. */
@Component
@Order(25)
class RechecksHomeBlock implements HomeBlock {

    private final RecheckService rechecks;

    RechecksHomeBlock(RecheckService rechecks) {
        this.rechecks = rechecks;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(PortalUser user) {
        if (!user.hasRole(Role.REVIEWER) && !user.hasRole(Role.ADMIN)) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        PageResult<RecheckDue> due = rechecks.due(PageRequest.ofPage(0, HomeSection.ITEMS, "dueOn", true));
        List<Span> items = due.content().stream().map(d -> new Span(
                new Anchor("methods/" + d.methodId() + "?" + PageFocus.PARAMETER + "=" + RecheckDue.ELEMENT_ID, d.title()),
                new Span(" · " + ui.getTranslation("home.rechecks.due-on", d.dueOn().toString(), d.departmentName()))))
                .toList();
        return Optional.of(new HomeSection("home-rechecks", ui.getTranslation("home.rechecks.title", due.total()), items,
                ui.getTranslation("home.rechecks.empty"), RecheckListView.ROUTE, ui.getTranslation("home.rechecks.more")));
    }
}
