package org.methodportal.account.ui;

import java.util.ArrayList;
import java.util.List;

import org.methodportal.account.Branch;
import org.methodportal.account.BranchFilter;
import org.methodportal.account.BranchForm;
import org.methodportal.account.Department;
import org.methodportal.account.OrganisationService;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Confirmations;
import org.methodportal.ui.Grids;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** Administration of party branches (党支部): filter by name and department, create, edit, disable. */
@Route("admin/branches")
@Menu(title = "admin.nav.branches", icon = "vaadin:flag", order = 91)
@RolesAllowed("ADMIN")
public class BranchesView extends VerticalLayout implements HasDynamicTitle {

    final TextField filter = new TextField();
    final ComboBox<Department> departmentFilter = new ComboBox<>();
    final Grid<Branch> grid = new Grid<>(Branch.class, false);
    private final transient OrganisationService organisation;

    BranchesView(OrganisationService organisation) {
        this.organisation = organisation;
        setId("branches-view");
        addClassName("portal-page");
        setSizeFull();

        filter.setId("filter");
        filter.setPlaceholder(getTranslation("admin.branch.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("20rem");
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        departmentFilter.setId("department-filter");
        departmentFilter.setPlaceholder(getTranslation("admin.branch.department"));
        departmentFilter.setItems(organisation.enabledDepartments());
        departmentFilter.setItemLabelGenerator(Department::name);
        departmentFilter.setClearButtonVisible(true);
        departmentFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button create = new Button(getTranslation("admin.branch.create"), VaadinIcon.PLUS.create(),
                e -> openEditor(null));
        create.setId("branch-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("grid");
        grid.addColumn(Branch::name).setHeader(getTranslation("admin.branch.name"))
                .setSortProperty("name").setFlexGrow(2);
        grid.addColumn(Branch::departmentName).setHeader(getTranslation("admin.branch.department"))
                .setSortProperty("departmentName").setFlexGrow(2);
        grid.addColumn(Branch::accountCount).setHeader(getTranslation("admin.branch.accounts"));
        grid.addColumn(b -> getTranslation(b.enabled() ? "admin.enabled" : "admin.disabled"))
                .setHeader(getTranslation("admin.status")).setSortProperty("enabled");
        grid.addComponentColumn(this::actions).setHeader(getTranslation("admin.actions")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("admin.empty"));
        grid.setSizeFull();
        Grids.bindLazy(grid, page -> organisation.findBranches(currentFilter(), page),
                ignored -> organisation.countBranches(currentFilter()));

        HorizontalLayout toolbar = new HorizontalLayout(filter, departmentFilter, create);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("portal-toolbar");
        add(new H2(getTranslation("admin.nav.branches")), toolbar, grid);
    }

    private BranchFilter currentFilter() {
        Department department = departmentFilter.getValue();
        return new BranchFilter(filter.getValue(), department == null ? null : department.id(), null);
    }

    private HorizontalLayout actions(Branch branch) {
        Button edit = new Button(getTranslation("admin.edit"), e -> openEditor(branch));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.setId("branch-edit-" + branch.id());
        Button toggle = new Button(getTranslation(branch.enabled() ? "admin.disable" : "admin.enable"),
                e -> confirmToggle(branch));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.setId("branch-toggle-" + branch.id());
        return new HorizontalLayout(edit, toggle);
    }

    private void confirmToggle(Branch branch) {
        Confirmations.confirmThen(getTranslation(branch.enabled() ? "admin.disable" : "admin.enable"),
                getTranslation(branch.enabled() ? "admin.branch.confirm-disable" : "admin.branch.confirm-enable", branch.name()),
                () -> organisation.setBranchEnabled(branch.id(), !branch.enabled(), branch.version()), () -> grid.getDataProvider().refreshAll());
    }

    private void openEditor(Branch branch) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(branch == null ? "admin.branch.create" : "admin.branch.edit"));
        ComboBox<Department> department = new ComboBox<>(getTranslation("admin.branch.department"));
        department.setId("branch-department");
        department.setRequired(true);
        department.setItemLabelGenerator(Department::name);
        department.setWidthFull();
        TextField name = new TextField(getTranslation("admin.branch.name"));
        name.setId("branch-name");
        name.setRequired(true);
        name.setMaxLength(100);
        name.setWidthFull();
        List<Department> departments = new ArrayList<>(organisation.enabledDepartments());
        Department current = branch == null ? departmentFilter.getValue() : departmentOf(branch, departments);
        department.setItems(departments);
        department.setValue(current);
        if (branch != null) {
            name.setValue(branch.name());
        }
        Button save = new Button(getTranslation("admin.save"), e -> {
            department.setInvalid(false);
            name.setInvalid(false);
            if (department.getValue() == null) {
                department.setErrorMessage(getTranslation("admin.required"));
                department.setInvalid(true);
                return;
            }
            if (name.getValue().isBlank()) {
                name.setErrorMessage(getTranslation("admin.required"));
                name.setInvalid(true);
                return;
            }
            try {
                var form = new BranchForm(department.getValue().id(), name.getValue());
                if (branch == null) {
                    organisation.createBranch(form);
                } else {
                    organisation.updateBranch(branch.id(), form, branch.version());
                }
                dialog.close();
                Notifications.success(getTranslation("admin.saved"));
                grid.getDataProvider().refreshAll();
            } catch (PortalException ex) {
                var field = ex.code().startsWith("department.") ? department : name;
                field.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                field.setInvalid(true);
            }
        });
        save.setId("branch-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), e -> dialog.close());
        dialog.add(new VerticalLayout(department, name));
        dialog.getFooter().add(cancel, save);
        dialog.setWidth("28rem");
        dialog.open();
        name.focus();
    }

    /** The branch's department among the choices; a disabled one is added so that a rename keeps it. */
    private Department departmentOf(Branch branch, List<Department> choices) {
        return choices.stream().filter(d -> d.id() == branch.departmentId()).findFirst().orElseGet(() -> {
            Department disabled = organisation.department(branch.departmentId());
            choices.add(disabled);
            return disabled;
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.nav.branches") + " | " + getTranslation("app.name");
    }
}
