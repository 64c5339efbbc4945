package org.methodportal.adoption.ui;

import java.util.List;
import java.util.Optional;

import org.methodportal.adoption.Adoption;
import org.methodportal.adoption.AdoptionService;
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

/**
 * A secretary's home page lists the methods their branch has adopted, each with how often it was
 * reported on, those owing a report (portal.adoption.report-after-days) first and marked 待报告.
 */
@Component
@Order(30)
class AdoptionsHomeBlock implements HomeBlock {

    private final AdoptionService adoptions;

    AdoptionsHomeBlock(AdoptionService adoptions) {
        this.adoptions = adoptions;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(PortalUser user) {
        if (!user.hasRole(Role.SECRETARY)) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        PageResult<Adoption> open = adoptions.ownBranch(HomeSection.ITEMS);
        List<Span> items = open.content().stream().map(a -> item(ui, a)).toList();
        long due = adoptions.ownBranchDue();
        String title = due == 0 ? ui.getTranslation("home.adoptions.title", open.total())
                : ui.getTranslation("home.adoptions.title-due", open.total(), due);
        return Optional.of(new HomeSection("home-adoptions", title, items, ui.getTranslation("home.adoptions.empty"),
                BranchAdoptionsView.ROUTE, ui.getTranslation("home.adoptions.more")));
    }

    /** The method, since when, how often reported; marked when a report is due (the longest unreported come first). */
    private Span item(UI ui, Adoption a) {
        Span item = new Span(
                new Anchor("methods/" + a.methodId() + "?" + PageFocus.PARAMETER + "=" + Adoption.ELEMENT_ID, a.methodTitle()),
                new Span(" · " + (a.reportCount() == 0 ? ui.getTranslation("home.adoptions.unreported", a.startedOn().toString())
                        : ui.getTranslation("home.adoptions.reported", a.startedOn().toString(), a.reportCount()))));
        if (adoptions.reportDue(a)) {
            Span due = new Span(ui.getTranslation("home.adoptions.due"));
            due.addClassNames("portal-badge", "portal-badge-outdated", "home-due");
            item.add(new Span(" "), due);
        }
        return item;
    }
}
