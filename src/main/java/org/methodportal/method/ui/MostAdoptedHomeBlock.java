package org.methodportal.method.ui;

import java.util.List;
import java.util.Optional;

import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalUser;
import org.methodportal.ui.HomeBlock;
import org.methodportal.ui.HomeSection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;

/** Everyone's home page shows the methods most branches use now (推广采用), with how many. */
@Component
@Order(60)
class MostAdoptedHomeBlock implements HomeBlock {

    private static final MethodFilter ADOPTED = new MethodFilter(null, null, null, null, null, false, null, true);

    private final MethodService methods;

    MostAdoptedHomeBlock(MethodService methods) {
        this.methods = methods;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(PortalUser user) {
        UI ui = UI.getCurrent();
        List<Span> items = methods.find(ADOPTED, new PageRequest(0, HomeSection.ITEMS, "adoptions", false)).stream()
                .map(s -> new Span(new Anchor("methods/" + s.id(), s.title()),
                        new Span(" · " + ui.getTranslation("home.adopted.branches", s.adoptingBranches()))))
                .toList();
        return Optional.of(new HomeSection("home-most-adopted", ui.getTranslation("home.adopted.title"), items,
                ui.getTranslation("home.adopted.empty"), MethodListView.ROUTE + "?adopted=true",
                ui.getTranslation("home.adopted.more")));
    }
}
