package org.methodportal.promotion.ui;

import java.util.List;
import java.util.Optional;

import org.methodportal.promotion.PromotionService;
import org.methodportal.shared.PortalUser;
import org.methodportal.ui.HomeBlock;
import org.methodportal.ui.HomeSection;
import org.methodportal.ui.PageFocus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;

/** Everyone's home page shows the 典型工作法, the most recently designated first, with why. */
@Component
@Order(45)
class ExemplarsHomeBlock implements HomeBlock {

    private final PromotionService promotions;

    ExemplarsHomeBlock(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(PortalUser user) {
        UI ui = UI.getCurrent();
        List<Span> items = promotions.exemplars(HomeSection.ITEMS).stream().map(e -> new Span(
                new Anchor("methods/" + e.methodId() + "?" + PageFocus.PARAMETER + "=" + PromotionPanel.ELEMENT_ID, e.methodTitle()),
                new Span(" · " + e.reason()))).toList();
        return Optional.of(new HomeSection("home-exemplars", ui.getTranslation("home.exemplars.title"), items,
                ui.getTranslation("home.exemplars.empty"), PromotionsView.ROUTE, ui.getTranslation("home.exemplars.more")));
    }
}
