package org.methodportal.promotion.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.methodportal.promotion.BranchDecision;
import org.methodportal.promotion.Coverage;
import org.methodportal.promotion.PendingBranch;
import org.methodportal.promotion.Promotion;
import org.methodportal.promotion.PromotionDecision;
import org.methodportal.promotion.PromotionService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Grids;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * A promotion: the method, who started it, for which departments, the message; for a secretary of
 * a targeted branch 采用 / 暂不采用 (or the branch's decision); for the reviewers of the method's
 * department, administrators and its author the coverage per department with the total, the
 * branches that have not responded (paged) and the newest decisions.
 */
@Route("promotions/:id(\\d+)")
@PermitAll
public class PromotionView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final transient PromotionService promotions;
    private String pageTitle = "";
    final Grid<Coverage.Row> coverage = new Grid<>(Coverage.Row.class, false);
    final Grid<PendingBranch> pending = new Grid<>(PendingBranch.class, false);
    final Div decision = new Div();

    PromotionView(PromotionService promotions) {
        this.promotions = promotions;
        setId("promotion-view");
        addClassName("portal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id = Long.parseLong(event.getRouteParameters().get("id").orElseThrow());
        try {
            show(promotions.promotion(id));
        } catch (PortalException e) {
            pageTitle = getTranslation("promotion.not-found-title");
            add(new H2(pageTitle), new Paragraph(getTranslation(e.messageKey(), e.args())));
        }
    }

    private void show(Promotion p) {
        pageTitle = getTranslation("promotion.page-title", p.methodTitle());
        H2 title = new H2(getTranslation("promotion.page-heading"));
        Anchor method = new Anchor("methods/" + p.methodId(), "《" + p.methodTitle() + "》");
        method.setId("promotion-method");
        title.add(method);
        String targets = p.allBranches() ? getTranslation("promotion.all-branches")
                : String.join("、", promotions.targetDepartments(p.id()));
        Paragraph meta = new Paragraph(getTranslation("promotion.meta", p.createdByName(), TIME.format(p.createdAt()),
                targets));
        meta.setId("promotion-meta");
        meta.addClassName("promotion-meta");
        add(title, meta);
        if (p.message() != null) {
            Paragraph message = new Paragraph(p.message());
            message.setId("promotion-message-text");
            message.addClassName("promotion-message");
            add(message);
        }
        decision.setId("promotion-decision");
        decision.addClassName("promotion-decision");
        add(decision);
        showDecision(p);
        if (promotions.mayOversee(p.id())) {
            showCoverage(p);
        }
    }

    private void showDecision(Promotion p) {
        decision.removeAll();
        promotions.ownDecision(p.id()).ifPresent(d -> decision.add(new Paragraph(d.reason() == null
                ? getTranslation("promotion.decided." + d.decision().name(), d.decidedByName(), TIME.format(d.decidedAt()))
                : getTranslation("promotion.decided-reason." + d.decision().name(), d.decidedByName(),
                        TIME.format(d.decidedAt()), d.reason()))));
        if (promotions.mayDecide(p.id())) {
            decision.add(new Paragraph(getTranslation("promotion.decide-prompt")));
            Button adopt = new Button(getTranslation("promotion.adopt"), VaadinIcon.CHECK.create(),
                    e -> openDecide(p, PromotionDecision.ADOPT));
            adopt.setId("promotion-adopt");
            adopt.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button decline = new Button(getTranslation("promotion.decline"), e -> openDecide(p, PromotionDecision.DECLINE));
            decline.setId("promotion-decline");
            decision.add(new Div(adopt, decline));
        }
    }

    /** 采用 with an optional plan (the branch adopts the method), 暂不采用 with a reason it must give. */
    private void openDecide(Promotion p, PromotionDecision choice) {
        Dialog dialog = new Dialog();
        dialog.setId("promotion-decide-dialog");
        dialog.setHeaderTitle(getTranslation("promotion.decide-title." + choice.name(), p.methodTitle()));
        dialog.setWidth("min(34rem, 95vw)");
        TextArea reason = new TextArea(getTranslation("promotion.decide-reason." + choice.name()));
        reason.setId("promotion-decide-reason");
        reason.setMaxLength(PromotionService.REASON_MAX);
        reason.setRequired(choice == PromotionDecision.DECLINE);
        reason.setWidthFull();
        dialog.add(reason);
        Button save = new Button(getTranslation("promotion.decide-confirm." + choice.name()), e -> {
            try {
                promotions.decide(p.id(), choice, reason.getValue());
                dialog.close();
                Notifications.success(getTranslation("promotion.decided-done." + choice.name()));
                showDecision(p);
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        save.setId("promotion-decide-confirm");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("promotion.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void showCoverage(Promotion p) {
        Coverage c = promotions.coverage(p.id());
        Coverage.Row total = c.total();
        Paragraph summary = new Paragraph(getTranslation("promotion.coverage-total", total.targeted(), total.decided(),
                percent(total.decided(), total.targeted()), total.adopted(), total.effective()));
        summary.setId("promotion-coverage-total");
        coverage.setId("promotion-coverage");
        coverage.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        coverage.addColumn(Coverage.Row::departmentName).setHeader(getTranslation("promotion.col.department")).setFlexGrow(2);
        coverage.addColumn(Coverage.Row::targeted).setHeader(getTranslation("promotion.col.targeted")).setAutoWidth(true);
        coverage.addColumn(Coverage.Row::decided).setHeader(getTranslation("promotion.col.decided")).setAutoWidth(true);
        coverage.addColumn(r -> percent(r.decided(), r.targeted())).setHeader(getTranslation("promotion.col.rate"))
                .setAutoWidth(true);
        coverage.addColumn(Coverage.Row::adopted).setHeader(getTranslation("promotion.col.adopted")).setAutoWidth(true);
        coverage.addColumn(Coverage.Row::effective).setHeader(getTranslation("promotion.col.effective")).setAutoWidth(true);
        coverage.setItems(c.departments());
        coverage.setAllRowsVisible(c.departments().size() <= 20);
        coverage.setHeight(c.departments().size() <= 20 ? null : "24rem");

        long waiting = promotions.pending(p.id(), PageRequest.ofPage(0, 1, "name", true)).total();
        H3 pendingTitle = new H3(getTranslation("promotion.pending-title", waiting));
        pendingTitle.setId("promotion-pending-title");
        pending.setId("promotion-pending");
        pending.addColumn(PendingBranch::branchName).setHeader(getTranslation("promotion.col.branch")).setFlexGrow(2);
        pending.addColumn(PendingBranch::departmentName).setHeader(getTranslation("promotion.col.department")).setFlexGrow(1);
        pending.setEmptyStateText(getTranslation("promotion.pending-none"));
        // a few rows show whole; many scroll inside the grid, fetched a page at a time
        if (waiting <= 10) {
            pending.setAllRowsVisible(true);
        } else {
            pending.setHeight("24rem");
        }
        Grids.bindLazy(pending, page -> promotions.pending(p.id(), page).content(),
                ignored -> promotions.pending(p.id(), PageRequest.ofPage(0, 1, "name", true)).total());

        UnorderedList latest = new UnorderedList();
        latest.setId("promotion-latest-decisions");
        for (BranchDecision d : promotions.latestDecisions(p.id())) {
            latest.add(new ListItem(getTranslation("promotion.decision-line", d.branchName(),
                    getTranslation("promotion.decision." + d.decision().name()), TIME.format(d.decidedAt()),
                    d.reason() == null ? "" : d.reason())));
        }
        add(new H3(getTranslation("promotion.coverage-title")), summary, coverage, pendingTitle, pending);
        if (latest.getChildren().findAny().isPresent()) {
            add(new H3(getTranslation("promotion.latest-title")), latest);
        }
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "–" : Math.round(100.0 * part / whole) + "%";
    }

    @Override
    public String getPageTitle() {
        return pageTitle + " | " + getTranslation("app.name");
    }
}
