package org.methodportal.method.ui;

import java.util.List;

import org.methodportal.method.diff.DiffHtml;
import org.methodportal.method.MethodService;
import org.methodportal.method.RevisionSummary;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

/**
 * A method's history: its revisions newest first, each openable read-only, and a comparison of
 * any two (default: the one before the latest against the latest), unchanged fields collapsed.
 */
@Route("methods/:id(\\d+)/history")
@PermitAll
public class MethodHistoryView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Grid<RevisionSummary> grid = new Grid<>(RevisionSummary.class, false);
    final Select<Integer> from = new Select<>();
    final Select<Integer> to = new Select<>();
    final Div diff = new Div();
    private final transient MethodService methods;
    private long methodId;
    private String pageTitle = "";

    MethodHistoryView(MethodService methods) {
        this.methods = methods;
        setId("method-history");
        addClassNames("portal-page", "method-history");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        removeClassName("portal-error-page");
        pageTitle = getTranslation("method.page.not-found");
        methodId = Long.parseLong(event.getRouteParameters().get("id").orElseThrow());
        try {
            show(methods.revisions(methodId));
        } catch (PortalException e) {
            if (e.kind() == PortalException.Kind.NOT_FOUND) {
                MethodLabels.showNotFound(this, e);
            } else {
                Notifications.error(getTranslation(e.messageKey(), e.args()));
            }
        }
    }

    private void show(List<RevisionSummary> revisions) {
        RevisionSummary latest = revisions.getFirst();
        pageTitle = getTranslation("method.history.title", latest.title());
        H2 title = new H2(pageTitle);
        title.setId("history-title");
        RouterLink back = new RouterLink(getTranslation("method.history.back"), MethodPageView.class,
                MethodPageView.parameters(methodId));
        back.setId("history-back");

        grid.removeAllColumns();
        grid.setId("grid");
        grid.addColumn(r -> getTranslation("method.page.version", r.number()))
                .setHeader(getTranslation("method.history.revision")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RevisionSummary::authorName).setHeader(getTranslation("method.history.author"))
                .setAutoWidth(true);
        grid.addColumn(r -> MethodLabels.time(r.createdAt())).setHeader(getTranslation("method.history.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.changeNote() == null ? "" : r.changeNote())
                .setHeader(getTranslation("method.history.note")).setFlexGrow(3);
        grid.addComponentColumn(r -> MethodLabels.statusBadge(this, r.statusAtCreation()))
                .setHeader(getTranslation("method.history.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            RouterLink open = new RouterLink(getTranslation("method.history.open"), MethodPageView.class,
                    MethodPageView.parameters(methodId, r.number()));
            open.setId("revision-open-" + r.number());
            return open;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(revisions);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();

        List<Integer> numbers = revisions.stream().map(RevisionSummary::number).toList();
        for (Select<Integer> select : List.of(from, to)) {
            select.setItems(numbers);
            select.setItemLabelGenerator(n -> getTranslation("method.page.version", n));
        }
        from.setId("diff-from");
        from.setLabel(getTranslation("method.history.from"));
        to.setId("diff-to");
        to.setLabel(getTranslation("method.history.to"));
        from.setValue(numbers.size() > 1 ? numbers.get(1) : numbers.getFirst());
        to.setValue(numbers.getFirst());
        from.addValueChangeListener(e -> compare());
        to.addValueChangeListener(e -> compare());
        diff.setId("diff-result");
        diff.addClassName("method-diff-holder");
        diff.setWidthFull();

        HorizontalLayout pickers = new HorizontalLayout(from, to);
        pickers.addClassName("portal-toolbar");
        add(title, back, grid, new H3(getTranslation("method.history.compare")), pickers, diff);
        compare();
    }

    private void compare() {
        diff.removeAll();
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        try {
            diff.add(new Html(DiffHtml.render(methods.diff(methodId, from.getValue(), to.getValue()),
                    this::getTranslation)));
        } catch (PortalException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
        }
    }

    @Override
    public String getPageTitle() {
        return pageTitle + " | " + getTranslation("app.name");
    }
}
