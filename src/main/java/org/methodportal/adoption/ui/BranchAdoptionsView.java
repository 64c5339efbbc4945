package org.methodportal.adoption.ui;

import org.methodportal.adoption.AdoptionService;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** 本支部采用的工作法: every adoption of the reader's branch, open ones first (those owing a report first), then stopped ones. */
@Route(BranchAdoptionsView.ROUTE)
@PermitAll
public class BranchAdoptionsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "adoptions";

    BranchAdoptionsView(AdoptionService adoptions) {
        setId("branch-adoptions-view");
        addClassName("portal-page");
        setSizeFull();
        AdoptionGrid grid = new AdoptionGrid(adoptions, true, adoptions::ownBranchAll);
        grid.setId("branch-adoptions");
        grid.setSizeFull();
        Paragraph intro = new Paragraph(getTranslation("adoption.list.branch-intro", adoptions.reportAfterDays()));
        intro.addClassName("method-total");
        add(new H2(getTranslation("adoption.list.branch-title")), intro, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("adoption.list.branch-title") + " | " + getTranslation("app.name");
    }
}
