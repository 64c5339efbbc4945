package org.methodportal.promotion.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.methodportal.account.Department;
import org.methodportal.account.OrganisationService;
import org.methodportal.method.MethodDetail;
import org.methodportal.promotion.Exemplar;
import org.methodportal.promotion.NewPromotion;
import org.methodportal.promotion.Promotion;
import org.methodportal.promotion.PromotionService;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * 推广运用 on a published method's page: 典型工作法 with its reason, the method's promotions (a link
 * to each, marked where the reader's branch still has to decide); for the reviewers of its
 * department and administrators, designating it and starting a promotion (with how many branches
 * it will reach, before it starts).
 */
class PromotionPanel extends Section {

    static final String ELEMENT_ID = "method-promotion";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

    private final transient PromotionService promotions;
    private final transient OrganisationService organisation;
    private final MethodDetail method;
    private final boolean admin;
    final Div body = new Div();

    PromotionPanel(PromotionService promotions, OrganisationService organisation, MethodDetail method, boolean admin) {
        this.promotions = promotions;
        this.organisation = organisation;
        this.method = method;
        this.admin = admin;
        setId(ELEMENT_ID);
        addClassNames("method-section", "promotion-panel");
        add(new H3(getTranslation("promotion.title")), body);
        refresh();
    }

    private void refresh() {
        body.removeAll();
        Optional<Exemplar> exemplar = promotions.exemplar(method.id());
        exemplar.ifPresent(e -> {
            Span badge = new Span(getTranslation("promotion.exemplar"));
            badge.addClassNames("portal-badge", "promotion-exemplar-badge");
            Div line = new Div(badge, new Span(getTranslation("promotion.exemplar-reason", e.reason(),
                    e.designatedByName(), DAY.format(e.designatedAt()))));
            line.setId("promotion-exemplar");
            line.addClassName("promotion-exemplar");
            body.add(line);
        });
        List<Promotion> list = promotions.promotionsOf(method.id());
        if (list.isEmpty() && exemplar.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("promotion.none"));
            none.setId("promotion-none");
            body.add(none);
        }
        for (Promotion p : list) {
            Anchor link = new Anchor("promotions/" + p.id(), getTranslation("promotion.item", DAY.format(p.createdAt()),
                    p.createdByName(), targets(p)));
            link.setId("promotion-link-" + p.id());
            Div item = new Div(link);
            item.addClassName("promotion-item");
            if (promotions.mayDecide(p.id())) {
                Span pending = new Span(getTranslation("promotion.own-pending"));
                pending.addClassNames("portal-badge", "portal-badge-outdated");
                item.add(new Span(" "), pending);
            }
            body.add(item);
        }
        if (promotions.mayPromote(method.originDepartmentId())) {
            Div actions = new Div();
            actions.addClassName("promotion-actions");
            if (exemplar.isEmpty()) {
                Button designate = new Button(getTranslation("promotion.designate"), VaadinIcon.STAR.create(),
                        e -> openDesignate());
                designate.setId("promotion-designate");
                designate.addThemeVariants(ButtonVariant.LUMO_SMALL);
                actions.add(designate);
            } else {
                Button withdraw = new Button(getTranslation("promotion.withdraw"), VaadinIcon.STAR_O.create(),
                        e -> confirmWithdraw());
                withdraw.setId("promotion-withdraw");
                withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                actions.add(withdraw);
            }
            Button start = new Button(getTranslation("promotion.start"), VaadinIcon.MEGAPHONE.create(), e -> openStart());
            start.setId("promotion-start");
            start.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            actions.add(start);
            body.add(actions);
        }
    }

    private String targets(Promotion p) {
        return p.allBranches() ? getTranslation("promotion.all-branches")
                : String.join("、", promotions.targetDepartments(p.id()));
    }

    private void openDesignate() {
        Dialog dialog = new Dialog();
        dialog.setId("promotion-designate-dialog");
        dialog.setHeaderTitle(getTranslation("promotion.designate-title", method.revision().content().title()));
        dialog.setWidth("min(34rem, 95vw)");
        TextArea reason = new TextArea(getTranslation("promotion.reason"));
        reason.setId("promotion-reason");
        reason.setMaxLength(PromotionService.REASON_MAX);
        reason.setRequired(true);
        reason.setWidthFull();
        reason.setPlaceholder(getTranslation("promotion.reason-placeholder"));
        dialog.add(reason);
        Button save = new Button(getTranslation("promotion.designate"), e -> {
            try {
                promotions.designate(method.id(), reason.getValue());
                dialog.close();
                Notifications.success(getTranslation("promotion.designated"));
                refresh();
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        save.setId("promotion-designate-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("promotion.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void confirmWithdraw() {
        Dialog dialog = new Dialog();
        dialog.setId("promotion-withdraw-dialog");
        dialog.setHeaderTitle(getTranslation("promotion.withdraw"));
        dialog.add(new Paragraph(getTranslation("promotion.withdraw-confirm", method.revision().content().title())));
        Button withdraw = new Button(getTranslation("promotion.withdraw"), e -> {
            promotions.withdraw(method.id());
            dialog.close();
            refresh();
        });
        withdraw.setId("promotion-withdraw-save");
        withdraw.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("promotion.cancel"), e -> dialog.close()), withdraw);
        dialog.open();
    }

    /** Departments (a reviewer's own, or any for administrators) or all branches, a message, how many it reaches. */
    private void openStart() {
        Dialog dialog = new Dialog();
        dialog.setId("promotion-start-dialog");
        dialog.setHeaderTitle(getTranslation("promotion.start-title", method.revision().content().title()));
        dialog.setWidth("min(38rem, 95vw)");
        MultiSelectComboBox<Department> departments = new MultiSelectComboBox<>(getTranslation("promotion.departments"));
        departments.setId("promotion-departments");
        departments.setItems(organisation.enabledDepartments().stream()
                .filter(d -> admin || promotions.mayPromote(d.id())).toList());
        departments.setItemLabelGenerator(Department::name);
        departments.setWidthFull();
        Checkbox all = new Checkbox(getTranslation("promotion.all-branches"));
        all.setId("promotion-all");
        all.setVisible(admin);
        TextArea message = new TextArea(getTranslation("promotion.message"));
        message.setId("promotion-message");
        message.setMaxLength(PromotionService.MESSAGE_MAX);
        message.setPlaceholder(getTranslation("promotion.message-placeholder"));
        message.setWidthFull();
        Paragraph reach = new Paragraph();
        reach.setId("promotion-reach");
        Button start = new Button(getTranslation("promotion.start-confirm"));
        start.setId("promotion-start-confirm");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        Runnable preview = () -> {
            Set<Department> chosen = departments.getValue();
            departments.setEnabled(!all.getValue());
            if (!all.getValue() && chosen.isEmpty()) {
                reach.setText("");
                start.setEnabled(false);
                return;
            }
            long branches = promotions.branchesReached(all.getValue(), chosen.stream().map(Department::id).toList());
            reach.setText(getTranslation("promotion.reach", branches));
            start.setEnabled(branches > 0);
        };
        departments.addValueChangeListener(e -> preview.run());
        all.addValueChangeListener(e -> preview.run());
        start.addClickListener(e -> {
            try {
                Promotion created = promotions.start(method.id(), new NewPromotion(message.getValue(), all.getValue(),
                        departments.getValue().stream().map(Department::id).toList()));
                dialog.close();
                Notifications.success(getTranslation("promotion.started"));
                UI.getCurrent().navigate("promotions/" + created.id());
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        VerticalLayout form = new VerticalLayout(departments, all, message, reach);
        form.setPadding(false);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("promotion.cancel"), e -> dialog.close()), start);
        dialog.open();
    }
}
