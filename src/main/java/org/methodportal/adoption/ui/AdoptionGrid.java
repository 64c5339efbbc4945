package org.methodportal.adoption.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import org.methodportal.adoption.Adoption;
import org.methodportal.adoption.AdoptionReport;
import org.methodportal.adoption.AdoptionService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.ui.Grids;
import org.methodportal.ui.PageFocus;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/**
 * Adoptions, a page at a time: the method (a branch's list) or the branch (a method's list), since
 * when, the newest report's status and rating, how often reported, 待报告 or 已停止; a row opens its
 * reports in full.
 */
final class AdoptionGrid extends Grid<Adoption> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    /** {@code ofBranch}: the rows are one branch's adoptions, named by their method; else one method's, by branch. */
    AdoptionGrid(AdoptionService adoptions, boolean ofBranch, Function<PageRequest, PageResult<Adoption>> pages) {
        super(Adoption.class, false);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        if (ofBranch) {
            addComponentColumn(a -> new Anchor("methods/" + a.methodId() + "?" + PageFocus.PARAMETER + "=" + Adoption.ELEMENT_ID,
                    a.methodTitle()))
                    .setHeader(getTranslation("method.field.title")).setFlexGrow(3);
        } else {
            addColumn(Adoption::branchName).setHeader(getTranslation("adoption.list.branch")).setFlexGrow(2);
            addColumn(Adoption::departmentName).setHeader(getTranslation("adoption.list.department")).setFlexGrow(1);
        }
        addColumn(a -> a.startedOn().toString()).setHeader(getTranslation("adoption.started-on")).setAutoWidth(true);
        addColumn(a -> a.latestStatus() == null ? getTranslation("adoption.list.unreported")
                : getTranslation("adoption.status." + a.latestStatus().name()))
                .setHeader(getTranslation("adoption.status")).setAutoWidth(true);
        addColumn(a -> a.latestRating() == null ? "" : getTranslation("adoption.list.rating", a.latestRating()))
                .setHeader(getTranslation("adoption.list.latest-rating")).setAutoWidth(true);
        addColumn(Adoption::reportCount).setHeader(getTranslation("adoption.list.reports")).setAutoWidth(true);
        addComponentColumn(a -> state(adoptions, a)).setHeader(getTranslation("adoption.list.state")).setAutoWidth(true);
        setItemDetailsRenderer(new ComponentRenderer<>(a -> reports(adoptions, a)));
        setEmptyStateText(getTranslation(ofBranch ? "adoption.list.branch-empty" : "adoption.list.method-empty"));
        Grids.bindLazy(this, page -> pages.apply(page).content(),
                ignored -> pages.apply(PageRequest.ofPage(0, 1, "created", false)).total());
    }

    private Span state(AdoptionService adoptions, Adoption a) {
        if (!a.open()) {
            return new Span(getTranslation("adoption.list.stopped"));
        }
        if (adoptions.reportDue(a)) {
            Span due = new Span(getTranslation("home.adoptions.due"));
            due.addClassNames("portal-badge", "portal-badge-outdated", "home-due");
            return due;
        }
        return new Span(getTranslation("adoption.list.open"));
    }

    private Div reports(AdoptionService adoptions, Adoption a) {
        Div list = new Div();
        list.addClassName("adoption-reports");
        if (a.plan() != null) {
            list.add(new Paragraph(getTranslation("adoption.list.plan", a.plan())));
        }
        for (AdoptionReport r : adoptions.reports(a.id())) {
            Span head = new Span(getTranslation("adoption.report-line", r.branchName(), r.reportedByName(),
                    TIME.format(r.reportedAt()), getTranslation("adoption.status." + r.status().name()), r.rating()));
            head.addClassName("adoption-report-head");
            Div item = new Div(head, new Div(new Span(r.outcome())));
            item.addClassName("adoption-report-item");
            list.add(item);
        }
        if (a.reportCount() == 0) {
            list.add(new Paragraph(getTranslation("adoption.list.unreported")));
        }
        return list;
    }
}
