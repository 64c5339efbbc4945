package org.methodportal.proposal.ui;

import java.util.List;

import org.methodportal.method.MethodService;
import org.methodportal.method.MethodSummary;
import org.methodportal.method.ui.MethodLabels;
import org.methodportal.shared.PageRequest;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 我的提案: the caller's own methods and change requests in every status, newest activity first,
 * each with what is needed next.
 */
@Route("proposals/mine")
@Menu(title = "method.nav.my-proposals", icon = "vaadin:file-text-o", order = 12)
@RolesAllowed({"SECRETARY", "REVIEWER", "ADMIN"})
public class MyProposalsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<MethodSummary> grid = new Grid<>(MethodSummary.class, false);

    MyProposalsView(MethodService methods) {
        setId("my-proposals-view");
        addClassName("portal-page");
        setSizeFull();
        grid.setId("my-proposals");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(MethodSummary::title).setHeader(getTranslation("method.field.title")).setFlexGrow(3);
        grid.addColumn(s -> getTranslation(s.changeOfMethodId() == null ? "review.queue.kind-new"
                : "review.queue.kind-change")).setHeader(getTranslation("review.queue.kind")).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(s -> MethodLabels.statusBadge(this, s.status())))
                .setHeader(getTranslation("method.list.status")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation(s.baseOutdated() ? "method.mine.next.outdated"
                        : "method.mine.next." + s.status().name()))
                .setHeader(getTranslation("method.mine.next")).setFlexGrow(2);
        grid.addColumn(s -> MethodLabels.time(s.updatedAt())).setHeader(getTranslation("method.page.updated"))
                .setAutoWidth(true);
        grid.setItems(query -> methods.myProposals(List.of(),
                new PageRequest(query.getOffset(), query.getLimit(), "updatedAt", false)).content().stream());
        grid.addItemClickListener(e -> UI.getCurrent().navigate("methods/" + e.getItem().id()));
        grid.setEmptyStateText(getTranslation("method.mine.empty"));
        add(new H2(getTranslation("method.nav.my-proposals")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("method.nav.my-proposals") + " | " + getTranslation("app.name");
    }
}
