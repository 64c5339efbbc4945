package org.methodportal.account.ui;

import org.methodportal.account.Department;
import org.methodportal.account.DepartmentForm;
import org.methodportal.account.OrganisationService;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Confirmations;
import org.methodportal.ui.Grids;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** Administration of departments (部门): filter, create, rename, disable. */
@Route("admin/departments")
@Menu(title = "admin.nav.departments", icon = "vaadin:building", order = 90)
@RolesAllowed("ADMIN")
public class DepartmentsView extends VerticalLayout implements HasDynamicTitle {

    final TextField filter = new TextField();
    final Grid<Department> grid = new Grid<>(Department.class, false);
    private final transient OrganisationService organisation;

    DepartmentsView(OrganisationService organisation) {
        this.organisation = organisation;
        setId("departments-view");
        addClassName("portal-page");
        setSizeFull();

        filter.setId("filter");
        filter.setPlaceholder(getTranslation("admin.department.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button create = new Button(getTranslation("admin.department.create"), VaadinIcon.PLUS.create(),
                e -> openEditor(null));
        create.setId("department-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("grid");
        grid.addColumn(Department::name).setHeader(getTranslation("admin.department.name"))
                .setSortProperty("name").setFlexGrow(2);
        grid.addColumn(d -> d.code() == null ? "" : d.code()).setHeader(getTranslation("admin.department.code"))
                .setSortProperty("code");
        grid.addColumn(Department::branchCount).setHeader(getTranslation("admin.department.branches"));
        grid.addColumn(d -> getTranslation(d.enabled() ? "admin.enabled" : "admin.disabled"))
                .setHeader(getTranslation("admin.status")).setSortProperty("enabled");
        grid.addComponentColumn(this::actions).setHeader(getTranslation("admin.actions")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("admin.empty"));
        grid.setSizeFull();
        Grids.bindLazy(grid, page -> organisation.findDepartments(filter.getValue(), null, page),
                ignored -> organisation.countDepartments(filter.getValue(), null));

        HorizontalLayout toolbar = new HorizontalLayout(filter, create);
        toolbar.setWidthFull();
        filter.setWidth("24rem");
        add(new H2(getTranslation("admin.nav.departments")), toolbar, grid);
    }

    private HorizontalLayout actions(Department department) {
        Button edit = new Button(getTranslation("admin.edit"), e -> openEditor(department));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.setId("department-edit-" + department.id());
        Button toggle = new Button(getTranslation(department.enabled() ? "admin.disable" : "admin.enable"),
                e -> confirmToggle(department));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.setId("department-toggle-" + department.id());
        return new HorizontalLayout(edit, toggle);
    }

    private void confirmToggle(Department department) {
        Confirmations.confirmThen(getTranslation(department.enabled() ? "admin.disable" : "admin.enable"),
                getTranslation(department.enabled() ? "admin.department.confirm-disable" : "admin.department.confirm-enable", department.name()),
                () -> organisation.setDepartmentEnabled(department.id(), !department.enabled(), department.version()), () -> grid.getDataProvider().refreshAll());
    }

    private void openEditor(Department department) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(department == null ? "admin.department.create" : "admin.department.edit"));
        TextField name = new TextField(getTranslation("admin.department.name"));
        name.setId("department-name");
        name.setRequired(true);
        name.setMaxLength(100);
        name.setWidthFull();
        TextField code = new TextField(getTranslation("admin.department.code"));
        code.setId("department-code");
        code.setMaxLength(40);
        code.setWidthFull();
        if (department != null) {
            name.setValue(department.name());
            code.setValue(department.code() == null ? "" : department.code());
        }
        Button save = new Button(getTranslation("admin.save"), e -> {
            if (name.getValue().isBlank()) {
                name.setErrorMessage(getTranslation("admin.required"));
                name.setInvalid(true);
                return;
            }
            try {
                var form = new DepartmentForm(name.getValue(), code.getValue());
                if (department == null) {
                    organisation.createDepartment(form);
                } else {
                    organisation.updateDepartment(department.id(), form, department.version());
                }
                dialog.close();
                Notifications.success(getTranslation("admin.saved"));
                grid.getDataProvider().refreshAll();
            } catch (PortalException ex) {
                name.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                name.setInvalid(true);
            }
        });
        save.setId("department-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), e -> dialog.close());
        dialog.add(new VerticalLayout(name, code));
        dialog.getFooter().add(cancel, save);
        dialog.setWidth("28rem");
        dialog.open();
        name.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.nav.departments") + " | " + getTranslation("app.name");
    }
}
