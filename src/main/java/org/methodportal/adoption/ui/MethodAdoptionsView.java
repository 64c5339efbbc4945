package org.methodportal.adoption.ui;

import org.methodportal.adoption.AdoptionService;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodService;
import org.methodportal.shared.PortalException;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** All adoptions of a method with every report, for whoever may read the method (the method page shows the newest). */
@Route("methods/:id(\\d+)/adoptions")
@PermitAll
public class MethodAdoptionsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AdoptionService adoptions;
    private final transient MethodService methods;
    private String pageTitle = "";

    MethodAdoptionsView(AdoptionService adoptions, MethodService methods) {
        this.adoptions = adoptions;
        this.methods = methods;
        setId("method-adoptions-view");
        addClassName("portal-page");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id = Long.parseLong(event.getRouteParameters().get("id").orElseThrow());
        try {
            MethodDetail method = methods.get(id);
            String title = method.revision().content().title();
            pageTitle = getTranslation("adoption.list.method-title", title);
            Anchor back = new Anchor("methods/" + id, getTranslation("adoption.list.back", title));
            back.setId("method-adoptions-back");
            AdoptionGrid grid = new AdoptionGrid(adoptions, false, page -> adoptions.adoptions(id, page));
            grid.setId("method-adoptions");
            grid.setSizeFull();
            add(new H2(pageTitle), back, grid);
        } catch (PortalException e) {
            pageTitle = getTranslation("method.page.not-found");
            add(new H2(pageTitle), new Paragraph(getTranslation(e.messageKey(), e.args())));
        }
    }

    @Override
    public String getPageTitle() {
        return pageTitle + " | " + getTranslation("app.name");
    }
}
