package org.methodportal.adoption.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.methodportal.adoption.Adoption;
import org.methodportal.adoption.AdoptionReport;
import org.methodportal.adoption.AdoptionService;
import org.methodportal.adoption.AdoptionStatus;
import org.methodportal.adoption.AdoptionSummary;
import org.methodportal.adoption.NewAdoption;
import org.methodportal.adoption.NewAdoptionReport;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.DatePickers;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * 推广采用 on a published method's page: how many branches use it (by department) with the average
 * rating and the newest reports; for a secretary, "本支部采用" or, once adopted, the branch's
 * adoption with "报告采用情况". Refusals of the service (not published, adopted already, not the
 * branch's) are shown as its messages.
 */
class AdoptionPanel extends Section {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final int EXCERPT = 80;

    private final transient AdoptionService adoptions;
    private final MethodDetail method;
    private final boolean secretary;
    final Div body = new Div();

    AdoptionPanel(AdoptionService adoptions, MethodDetail method, boolean secretary) {
        this.adoptions = adoptions;
        this.method = method;
        this.secretary = secretary;
        setId(Adoption.ELEMENT_ID);
        addClassNames("method-section", "adoption-panel");
        add(new H3(getTranslation("adoption.title")), body);
        refresh();
    }

    private void refresh() {
        body.removeAll();
        AdoptionSummary summary = adoptions.summary(method.id());
        Paragraph counts = new Paragraph(summary.adoptingBranches() == 0
                ? getTranslation("adoption.none")
                : summary.averageRating() == null
                        ? getTranslation("adoption.count", summary.adoptingBranches())
                        : getTranslation("adoption.count-rated", summary.adoptingBranches(),
                                String.format("%.1f", summary.averageRating())));
        counts.setId("adoption-count");
        body.add(counts);
        if (!summary.byDepartment().isEmpty()) {
            Div departments = new Div();
            departments.setId("adoption-departments");
            departments.addClassName("adoption-departments");
            summary.byDepartment().forEach(d -> {
                Span chip = new Span(getTranslation("adoption.department", d.department(), d.branches()));
                chip.addClassNames("portal-badge", "glossary-category");
                departments.add(chip);
            });
            body.add(departments);
        }
        ownBranch(summary);
        if (!summary.latestReports().isEmpty()) {
            Div reports = new Div();
            reports.setId("adoption-reports");
            reports.addClassName("adoption-reports");
            summary.latestReports().forEach(r -> reports.add(report(r)));
            body.add(reports);
        }
    }

    private void ownBranch(AdoptionSummary summary) {
        Adoption own = summary.ownBranch();
        if (own != null) {
            Div line = new Div(new Span(getTranslation("adoption.own", own.startedOn().toString(), own.reportCount())));
            line.setId("adoption-own");
            line.addClassName("adoption-own");
            if (adoptions.reportDue(own)) {
                Span due = new Span(getTranslation("adoption.own-due", adoptions.reportAfterDays()));
                due.setId("adoption-own-due");
                due.addClassNames("portal-badge", "portal-badge-outdated", "home-due");
                line.add(due);
            }
            if (secretary) {
                Button report = new Button(getTranslation("adoption.report"), VaadinIcon.EDIT.create(),
                        e -> openReport(own));
                report.setId("adoption-report");
                report.addThemeVariants(ButtonVariant.LUMO_SMALL);
                line.add(report);
            }
            body.add(line);
        } else if (secretary && method.status() == MethodStatus.PUBLISHED) {
            Button adopt = new Button(getTranslation("adoption.adopt"), VaadinIcon.CHECK.create(), e -> openAdopt());
            adopt.setId("adoption-adopt");
            adopt.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            body.add(adopt);
        }
    }

    private Div report(AdoptionReport r) {
        String outcome = r.outcome().length() > EXCERPT ? r.outcome().substring(0, EXCERPT) + "…" : r.outcome();
        Span head = new Span(getTranslation("adoption.report-line", r.branchName(), r.reportedByName(),
                TIME.format(r.reportedAt()), getTranslation("adoption.status." + r.status().name()), r.rating()));
        head.addClassName("adoption-report-head");
        Div item = new Div(head, new Div(new Span(outcome)));
        item.addClassName("adoption-report-item");
        return item;
    }

    private void openAdopt() {
        Dialog dialog = new Dialog();
        dialog.setId("adoption-adopt-dialog");
        dialog.setHeaderTitle(getTranslation("adoption.adopt-title", method.revision().content().title()));
        dialog.setWidth("min(36rem, 95vw)");
        DatePicker start = DatePickers.create("adoption.started-on");
        start.setId("adoption-started-on");
        start.setValue(LocalDate.now());
        TextArea plan = new TextArea(getTranslation("adoption.plan"));
        plan.setId("adoption-plan");
        plan.setMaxLength(AdoptionService.PLAN_MAX);
        plan.setWidthFull();
        plan.setPlaceholder(getTranslation("adoption.plan-placeholder"));
        dialog.add(new Div(start, plan));
        Button confirm = new Button(getTranslation("adoption.adopt-confirm"), e -> {
            try {
                adoptions.adopt(method.id(), new NewAdoption(start.getValue(), plan.getValue()));
                dialog.close();
                Notifications.success(getTranslation("adoption.adopted"));
                refresh();
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        confirm.setId("adoption-adopt-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("adoption.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void openReport(Adoption own) {
        Dialog dialog = new Dialog();
        dialog.setId("adoption-report-dialog");
        dialog.setHeaderTitle(getTranslation("adoption.report-title"));
        dialog.setWidth("min(36rem, 95vw)");
        RadioButtonGroup<AdoptionStatus> status = new RadioButtonGroup<>(getTranslation("adoption.status"));
        status.setId("adoption-status");
        status.setItems(AdoptionStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("adoption.status." + s.name()));
        status.setValue(AdoptionStatus.TRIAL);
        RadioButtonGroup<Integer> rating = new RadioButtonGroup<>(getTranslation("adoption.rating"));
        rating.setId("adoption-rating");
        rating.setItems(1, 2, 3, 4, 5);
        TextArea outcome = new TextArea(getTranslation("adoption.outcome"));
        outcome.setId("adoption-outcome");
        outcome.setMaxLength(AdoptionService.OUTCOME_MAX);
        outcome.setWidthFull();
        outcome.setPlaceholder(getTranslation("adoption.outcome-placeholder"));
        IntegerField participants = new IntegerField(getTranslation("adoption.participants"));
        participants.setId("adoption-participants");
        participants.setMin(0);
        participants.setMax(AdoptionService.PARTICIPANTS_MAX);
        dialog.add(new Div(status, rating, outcome, participants));
        Button confirm = new Button(getTranslation("adoption.report-confirm"), e -> {
            try {
                adoptions.report(own.id(), new NewAdoptionReport(status.getValue(), outcome.getValue(),
                        rating.getValue(), participants.getValue()));
                dialog.close();
                Notifications.success(getTranslation("adoption.reported"));
                refresh();
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        confirm.setId("adoption-report-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("adoption.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }
}
