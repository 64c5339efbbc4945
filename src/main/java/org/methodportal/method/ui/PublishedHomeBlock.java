package org.methodportal.method.ui;

import java.util.List;
import java.util.Optional;

import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalUser;
import org.methodportal.ui.HomeBlock;
import org.methodportal.ui.HomeSection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;

/** Everyone's home page shows the methods published or revised most recently. */
@Component
@Order(50)
class PublishedHomeBlock implements HomeBlock {

    private static final MethodFilter PUBLISHED = new MethodFilter(null, null, MethodStatus.PUBLISHED, null, null,
            false, null);

    private final MethodService methods;

    PublishedHomeBlock(MethodService methods) {
        this.methods = methods;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(PortalUser user) {
        UI ui = UI.getCurrent();
        List<Span> items = methods.find(PUBLISHED, new PageRequest(0, HomeSection.ITEMS, "updatedAt", false)).stream()
                .map(s -> new Span(new Anchor("methods/" + s.id(), s.title()), new Span(" · " + s.departmentName())))
                .toList();
        return Optional.of(new HomeSection("home-published", ui.getTranslation("home.published.title"), items,
                ui.getTranslation("home.published.empty"), MethodListView.ROUTE, ui.getTranslation("home.published.more")));
    }
}
