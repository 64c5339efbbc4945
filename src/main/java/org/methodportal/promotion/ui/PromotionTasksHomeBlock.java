package org.methodportal.promotion.ui;

import java.util.List;
import java.util.Optional;

import org.methodportal.promotion.Promotion;
import org.methodportal.promotion.PromotionService;
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

/** A secretary's to-do list of promotions their branch has to decide on (学习推广的工作法). */
@Component
@Order(12)
class PromotionTasksHomeBlock implements HomeBlock {

    private final PromotionService promotions;

    PromotionTasksHomeBlock(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(PortalUser user) {
        if (!user.hasRole(Role.SECRETARY)) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        PageResult<Promotion> tasks = promotions.tasks(HomeSection.ITEMS);
        List<Span> items = tasks.content().stream().map(p -> new Span(new Anchor("promotions/" + p.id(), p.methodTitle()),
                new Span(" · " + ui.getTranslation("home.promotions.by", p.createdByName())))).toList();
        return Optional.of(new HomeSection("home-promotions", ui.getTranslation("home.promotions.title", tasks.total()),
                items, ui.getTranslation("home.promotions.empty"), PromotionsView.ROUTE, ui.getTranslation("home.promotions.more")));
    }
}
