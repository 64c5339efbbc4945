package org.methodportal.review.ui;

import java.util.Map;

import org.methodportal.account.Department;
import org.methodportal.account.OrganisationService;
import org.methodportal.review.QuorumSettings;
import org.methodportal.review.ReviewQuorumService;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** Administrators set how many approvals publish a proposal: globally and per department. */
@Route("admin/review")
@Menu(title = "review.nav.settings", icon = "vaadin:check-square-o", order = 95)
@RolesAllowed("ADMIN")
public class ReviewSettingsView extends VerticalLayout implements HasDynamicTitle {

    final IntegerField global = new IntegerField();
    final ComboBox<Department> department = new ComboBox<>();
    final IntegerField departmentApprovals = new IntegerField();
    final Grid<Map.Entry<Long, Integer>> overrides = new Grid<>();
    private final transient ReviewQuorumService quorum;
    private final transient OrganisationService organisation;
    private final Paragraph source = new Paragraph();

    ReviewSettingsView(ReviewQuorumService quorum, OrganisationService organisation) {
        this.quorum = quorum;
        this.organisation = organisation;
        setId("review-settings-view");
        addClassName("portal-page");

        configure(global, "review-settings-global", "review.settings.global");
        Button saveGlobal = new Button(getTranslation("admin.save"), e -> run(() -> quorum.setGlobal(value(global))));
        saveGlobal.setId("review-settings-save");
        saveGlobal.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        source.setId("review-settings-source");

        department.setId("review-settings-department");
        department.setLabel(getTranslation("method.list.department"));
        department.setItems(organisation.enabledDepartments());
        department.setItemLabelGenerator(Department::name);
        configure(departmentApprovals, "review-settings-department-approvals", "review.settings.department-approvals");
        Button saveDepartment = new Button(getTranslation("admin.save"), e -> {
            if (department.getValue() != null) {
                run(() -> quorum.setForDepartment(department.getValue().id(), value(departmentApprovals)));
            }
        });
        saveDepartment.setId("review-settings-department-save");
        Button removeDepartment = new Button(getTranslation("review.settings.remove"), e -> {
            if (department.getValue() != null) {
                run(() -> quorum.setForDepartment(department.getValue().id(), null));
            }
        });
        removeDepartment.setId("review-settings-department-remove");
        removeDepartment.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);

        overrides.setId("review-settings-overrides");
        overrides.addColumn(e -> organisation.department(e.getKey()).name())
                .setHeader(getTranslation("method.list.department"));
        overrides.addColumn(Map.Entry::getValue).setHeader(getTranslation("review.settings.department-approvals"));
        overrides.setAllRowsVisible(true);
        overrides.setEmptyStateText(getTranslation("review.settings.no-overrides"));

        HorizontalLayout globalRow = new HorizontalLayout(global, saveGlobal);
        globalRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout departmentRow = new HorizontalLayout(department, departmentApprovals, saveDepartment,
                removeDepartment);
        departmentRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("review.nav.settings")), new Paragraph(getTranslation("review.settings.intro")),
                globalRow, source, new H3(getTranslation("review.settings.departments")), departmentRow, overrides);
        setMaxWidth("60rem");
        refresh();
    }

    private void configure(IntegerField field, String id, String labelKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setMin(ReviewQuorumService.MIN);
        field.setMax(ReviewQuorumService.MAX);
        field.setStepButtonsVisible(true);
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    private void run(Runnable change) {
        try {
            change.run();
            Notifications.success(getTranslation("admin.saved"));
        } catch (PortalException ex) {
            Notifications.error(getTranslation(ex.messageKey(), ex.args()));
        }
        refresh();
    }

    private void refresh() {
        QuorumSettings settings = quorum.settings();
        global.setValue(settings.global());
        source.setText(getTranslation(settings.globalFromConfiguration() ? "review.settings.from-config"
                : "review.settings.from-admin"));
        overrides.setItems(settings.departments().entrySet().stream().toList());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.nav.settings") + " | " + getTranslation("app.name");
    }
}
