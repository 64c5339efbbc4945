package org.methodportal.promotion.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.methodportal.promotion.Exemplar;
import org.methodportal.promotion.Promotion;
import org.methodportal.promotion.PromotionService;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * 推广运用 at a glance, the full lists behind the home page's blocks: the promotions waiting for the
 * reader's branch, the 典型工作法 with why, and the latest promotions.
 */
@Route(PromotionsView.ROUTE)
@PermitAll
public class PromotionsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "promotions";
    private static final int SHOWN = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

    PromotionsView(PromotionService promotions) {
        setId("promotions-view");
        addClassName("portal-page");
        add(new H2(getTranslation("promotion.list.title")));
        List<Promotion> tasks = promotions.tasks(SHOWN).content();
        if (!tasks.isEmpty()) {
            add(new H3(getTranslation("promotion.list.tasks", tasks.size())),
                    list("promotions-tasks", tasks.stream().map(p -> (Component) new Span(
                            new Anchor("promotions/" + p.id(), p.methodTitle()),
                            new Span(" · " + getTranslation("home.promotions.by", p.createdByName())))).toList()));
        }
        List<Exemplar> exemplars = promotions.exemplars(SHOWN);
        add(new H3(getTranslation("home.exemplars.title")), exemplars.isEmpty()
                ? new Paragraph(getTranslation("home.exemplars.empty"))
                : list("promotions-exemplars", exemplars.stream().map(e -> (Component) new Span(
                        new Anchor("methods/" + e.methodId(), e.methodTitle()),
                        new Span(" · " + getTranslation("promotion.exemplar-reason", e.reason(), e.designatedByName(),
                                DAY.format(e.designatedAt()))))).toList()));
        List<Promotion> recent = promotions.recent(SHOWN);
        add(new H3(getTranslation("promotion.list.recent")), recent.isEmpty()
                ? new Paragraph(getTranslation("promotion.list.recent-empty"))
                : list("promotions-recent", recent.stream().map(p -> (Component) new Span(
                        new Anchor("promotions/" + p.id(), p.methodTitle()),
                        new Span(" · " + getTranslation("promotion.list.recent-line", DAY.format(p.createdAt()),
                                p.createdByName())))).toList()));
    }

    private static UnorderedList list(String id, List<Component> items) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassName("home-items");
        items.forEach(item -> list.add(new ListItem(item)));
        return list;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("promotion.list.title") + " | " + getTranslation("app.name");
    }
}
