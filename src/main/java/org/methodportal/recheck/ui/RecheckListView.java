package org.methodportal.recheck.ui;

import java.time.temporal.ChronoUnit;

import org.methodportal.method.Category;
import org.methodportal.recheck.RecheckDue;
import org.methodportal.recheck.RecheckScope;
import org.methodportal.recheck.RecheckService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Grids;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 待复核: the published methods of the reviewer's departments past their review-by date, the
 * longest overdue first; "批量设为待复核" sets a category's or tag's methods due at once, after
 * saying how many it will set and asking for the reason.
 */
@Route(RecheckListView.ROUTE)
@Menu(title = "recheck.nav", icon = "vaadin:calendar-clock", order = 25)
@RolesAllowed({"REVIEWER", "ADMIN"})
public class RecheckListView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "rechecks";

    final Grid<RecheckDue> grid = new Grid<>(RecheckDue.class, false);
    final Paragraph summary = new Paragraph();
    private final transient RecheckService rechecks;

    RecheckListView(RecheckService rechecks) {
        this.rechecks = rechecks;
        setId("recheck-list-view");
        addClassName("portal-page");
        setSizeFull();
        summary.setId("recheck-summary");
        Button setDue = new Button(getTranslation("recheck.set-due"), VaadinIcon.CALENDAR_CLOCK.create(),
                e -> openSetDue());
        setDue.setId("recheck-set-due");
        HorizontalLayout bar = new HorizontalLayout(summary, setDue);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        grid.setId("recheck-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(RecheckDue::title).setHeader(getTranslation("method.field.title")).setFlexGrow(3)
                .setWidth("14em");
        grid.addColumn(RecheckDue::departmentName).setHeader(getTranslation("method.list.department")).setAutoWidth(true);
        grid.addColumn(d -> d.dueOn().toString()).setHeader(getTranslation("recheck.due-on")).setAutoWidth(true);
        grid.addColumn(d -> overdue(d)).setHeader(getTranslation("recheck.overdue")).setAutoWidth(true);
        grid.addColumn(d -> d.setReason() == null ? "" : d.setReason()).setHeader(getTranslation("recheck.reason"))
                .setFlexGrow(3).setWidth("12em");
        grid.setEmptyStateText(getTranslation("recheck.empty"));
        grid.addItemClickListener(e -> UI.getCurrent().navigate("methods/" + e.getItem().methodId()));
        Grids.bindLazy(grid, page -> rechecks.due(page).content(),
                ignored -> rechecks.due(PageRequest.ofPage(0, 1, "dueOn", true)).total());
        add(new H2(getTranslation("recheck.nav")), bar, grid);
        refresh();
    }

    private String overdue(RecheckDue due) {
        long days = ChronoUnit.DAYS.between(due.dueOn(), rechecks.today());
        return days == 0 ? getTranslation("recheck.overdue-today") : getTranslation("recheck.overdue-days", days);
    }

    private void refresh() {
        long total = rechecks.due(PageRequest.ofPage(0, 1, "dueOn", true)).total();
        summary.setText(total == 0 ? getTranslation("recheck.empty") : getTranslation("recheck.summary", total));
        grid.getDataProvider().refreshAll();
    }

    /** Category or tag, the reason, how many it sets; nothing happens before 确认. */
    private void openSetDue() {
        Dialog dialog = new Dialog();
        dialog.setId("recheck-set-due-dialog");
        dialog.setHeaderTitle(getTranslation("recheck.set-due"));
        dialog.setWidth("min(36rem, 95vw)");
        RadioButtonGroup<String> by = new RadioButtonGroup<>(getTranslation("recheck.scope"));
        by.setId("recheck-scope");
        by.setItems("category", "tag");
        by.setItemLabelGenerator(s -> getTranslation("recheck.scope." + s));
        by.setValue("category");
        Select<Category> category = new Select<>();
        category.setId("recheck-category");
        category.setLabel(getTranslation("method.field.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(c -> c == null ? "" : getTranslation("method.category." + c.name()));
        TextField tag = new TextField(getTranslation("method.list.tag"));
        tag.setId("recheck-tag");
        tag.setVisible(false);
        tag.setWidthFull();
        tag.setValueChangeMode(ValueChangeMode.LAZY);
        TextArea reason = new TextArea(getTranslation("recheck.reason"));
        reason.setId("recheck-reason");
        reason.setMaxLength(RecheckService.REASON_MAX);
        reason.setPlaceholder(getTranslation("recheck.reason-placeholder"));
        reason.setWidthFull();
        reason.setRequired(true);
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        Paragraph count = new Paragraph();
        count.setId("recheck-count");
        Button confirm = new Button(getTranslation("recheck.set-due-confirm"));
        confirm.setId("recheck-set-due-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        Runnable preview = () -> {
            RecheckScope scope = "tag".equals(by.getValue()) ? new RecheckScope(null, tag.getValue())
                    : new RecheckScope(category.getValue(), null);
            if (scope.category() == null && (scope.tag() == null || scope.tag().isBlank())) {
                count.setText("");
                confirm.setEnabled(false);
                return;
            }
            long n = rechecks.countSettable(scope);
            count.setText(getTranslation("recheck.will-set", n));
            confirm.setEnabled(n > 0 && !reason.getValue().isBlank());
        };
        by.addValueChangeListener(e -> {
            category.setVisible("category".equals(e.getValue()));
            tag.setVisible("tag".equals(e.getValue()));
            preview.run();
        });
        category.addValueChangeListener(e -> preview.run());
        tag.addValueChangeListener(e -> preview.run());
        reason.addValueChangeListener(e -> preview.run());
        confirm.addClickListener(e -> {
            RecheckScope scope = "tag".equals(by.getValue()) ? new RecheckScope(null, tag.getValue())
                    : new RecheckScope(category.getValue(), null);
            try {
                int set = rechecks.setDue(scope, reason.getValue());
                dialog.close();
                Notifications.success(getTranslation("recheck.set-done", set));
                refresh();
            } catch (PortalException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        Button cancel = new Button(getTranslation("recheck.cancel"), e -> dialog.close());
        VerticalLayout body = new VerticalLayout(by, category, tag, reason, count);
        body.setPadding(false);
        dialog.add(body);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recheck.nav") + " | " + getTranslation("app.name");
    }
}
