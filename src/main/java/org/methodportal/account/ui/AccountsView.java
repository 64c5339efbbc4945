package org.methodportal.account.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.methodportal.account.AccountFilter;
import org.methodportal.account.AccountService;
import org.methodportal.account.MfaService;
import org.methodportal.account.AccountSummary;
import org.methodportal.account.Branch;
import org.methodportal.account.Department;
import org.methodportal.account.OrganisationService;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.Role;
import org.methodportal.ui.Confirmations;
import org.methodportal.ui.Grids;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Administration of accounts: search, create, edit roles and branch, reset passwords, disable.
 * Everything pages in SQL, as there can be 300,000 accounts and 16,000 branches.
 */
@Route("admin/accounts")
@Menu(title = "admin.nav.accounts", icon = "vaadin:users", order = 92)
@RolesAllowed("ADMIN")
public class AccountsView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    final TextField filter = new TextField();
    final ComboBox<Department> departmentFilter = new ComboBox<>();
    final BranchPicker branchFilter;
    final Select<Role> roleFilter = new Select<>();
    final Select<Boolean> enabledFilter = new Select<>();
    final Grid<AccountSummary> grid = new Grid<>(AccountSummary.class, false);
    private final transient AccountService accounts;
    private final transient OrganisationService organisation;
    private final transient MfaService mfa;

    AccountsView(AccountService accounts, OrganisationService organisation, MfaService mfa) {
        this.accounts = accounts;
        this.organisation = organisation;
        this.mfa = mfa;
        setId("accounts-view");
        addClassName("portal-page");
        setSizeFull();

        filter.setId("filter");
        filter.setPlaceholder(getTranslation("admin.account.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("16rem");
        filter.addValueChangeListener(e -> refresh());
        departmentFilter.setId("department-filter");
        departmentFilter.setLabel(getTranslation("account.field.department"));
        departmentFilter.setPlaceholder(getTranslation("admin.all"));
        departmentFilter.setItems(organisation.enabledDepartments());
        departmentFilter.setItemLabelGenerator(Department::name);
        departmentFilter.setClearButtonVisible(true);
        branchFilter = new BranchPicker(organisation, null);
        branchFilter.setId("branch-filter");
        branchFilter.setLabel(getTranslation("account.field.branch"));
        departmentFilter.addValueChangeListener(e -> {
            branchFilter.restrictTo(e.getValue() == null ? null : e.getValue().id());
            refresh();
        });
        branchFilter.addValueChangeListener(e -> refresh());
        roleFilter.setId("role-filter");
        roleFilter.setLabel(getTranslation("admin.account.role"));
        roleFilter.setItems(Role.values());
        roleFilter.setEmptySelectionAllowed(true);
        roleFilter.setEmptySelectionCaption(getTranslation("admin.all"));
        roleFilter.setItemLabelGenerator(r -> r == null ? getTranslation("admin.all") : getTranslation("role." + r.name()));
        roleFilter.setWidth("10rem");
        roleFilter.addValueChangeListener(e -> refresh());
        enabledFilter.setId("enabled-filter");
        enabledFilter.setLabel(getTranslation("admin.status"));
        enabledFilter.setItems(Boolean.TRUE, Boolean.FALSE);
        enabledFilter.setEmptySelectionAllowed(true);
        enabledFilter.setEmptySelectionCaption(getTranslation("admin.all"));
        enabledFilter.setItemLabelGenerator(b -> b == null ? getTranslation("admin.all") : status(b));
        enabledFilter.setWidth("8rem");
        enabledFilter.addValueChangeListener(e -> refresh());
        Button create = new Button(getTranslation("admin.account.create"), VaadinIcon.PLUS.create(),
                e -> openEditor(null));
        create.setId("account-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("grid");
        grid.addColumn(AccountSummary::displayName).setHeader(getTranslation("account.field.displayName"))
                .setSortProperty("displayName").setAutoWidth(true);
        grid.addColumn(AccountSummary::login).setHeader(getTranslation("account.field.login"))
                .setSortProperty("login").setAutoWidth(true);
        grid.addColumn(AccountSummary::departmentName).setHeader(getTranslation("account.field.department"))
                .setSortProperty("departmentName").setAutoWidth(true);
        grid.addColumn(AccountSummary::branchName).setHeader(getTranslation("account.field.branch"))
                .setSortProperty("branchName").setFlexGrow(2);
        grid.addColumn(this::roles).setHeader(getTranslation("account.field.roles")).setFlexGrow(2);
        grid.addColumn(a -> status(a.enabled())).setHeader(getTranslation("admin.status"))
                .setSortProperty("enabled").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.lastLoginAt() == null ? "" : TIME.format(a.lastLoginAt()))
                .setHeader(getTranslation("account.field.lastLoginAt")).setSortProperty("lastLoginAt")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("admin.actions")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("admin.empty"));
        grid.setSizeFull();
        Grids.bindLazy(grid, page -> accounts.find(currentFilter(), page), ignored -> accounts.count(currentFilter()));

        HorizontalLayout toolbar = new HorizontalLayout(filter, departmentFilter, branchFilter, roleFilter,
                enabledFilter, create);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("portal-toolbar");
        add(new H2(getTranslation("admin.nav.accounts")), toolbar, grid);
    }

    private AccountFilter currentFilter() {
        Department department = departmentFilter.getValue();
        Branch branch = branchFilter.getValue();
        return new AccountFilter(filter.getValue(), department == null ? null : department.id(),
                branch == null ? null : branch.id(), roleFilter.getValue(), enabledFilter.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private String status(boolean enabled) {
        return getTranslation(enabled ? "admin.enabled" : "admin.disabled");
    }

    private String roles(AccountSummary account) {
        return account.roles().stream().sorted().map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining(getTranslation("admin.list-separator")));
    }

    private HorizontalLayout actions(AccountSummary account) {
        Button edit = new Button(getTranslation("admin.edit"), e -> openEditor(account));
        edit.setId("account-edit-" + account.id());
        Button reset = new Button(getTranslation("admin.account.reset-password"), e -> openPasswordReset(account));
        reset.setId("account-reset-" + account.id());
        Button toggle = new Button(getTranslation(account.enabled() ? "admin.disable" : "admin.enable"),
                e -> confirmToggle(account));
        toggle.setId("account-toggle-" + account.id());
        Button resetMfa = new Button(getTranslation("admin.account.reset-mfa"), e -> Confirmations.confirmThen(
                getTranslation("admin.account.reset-mfa"),
                getTranslation("admin.account.confirm-reset-mfa", account.displayName()),
                () -> mfa.reset(account.id()), () -> refresh()));
        resetMfa.setId("account-reset-mfa-" + account.id());
        // Offered only where there is something to reset (one key lookup per row of the page shown).
        resetMfa.setVisible(mfa.isEnrolled(account.id()));
        for (Button b : new Button[] {edit, reset, toggle, resetMfa}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(edit, reset, toggle, resetMfa);
    }

    private void confirmToggle(AccountSummary account) {
        Confirmations.confirmThen(getTranslation(account.enabled() ? "admin.disable" : "admin.enable"),
                getTranslation(account.enabled() ? "admin.account.confirm-disable" : "admin.account.confirm-enable", account.displayName()),
                () -> accounts.setEnabled(account.id(), !account.enabled(), account.version()), () -> refresh());
    }

    private void openEditor(AccountSummary account) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(account == null ? "admin.account.create" : "admin.account.edit"));
        AccountEditor editor = new AccountEditor(organisation, account);
        Button save = new Button(getTranslation("admin.save"), e -> {
            if (!editor.validate()) {
                return;
            }
            try {
                if (account == null) {
                    accounts.create(editor.toForm(), editor.password.getValue());
                } else {
                    accounts.update(account.id(), editor.toForm(), account.version());
                }
                dialog.close();
                Notifications.success(getTranslation("admin.saved"));
                refresh();
            } catch (PortalException ex) {
                // The dialog stays open with what was typed, so only the offending part needs fixing.
                if (!editor.showError(ex)) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                }
            }
        });
        save.setId("account-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), e -> dialog.close());
        dialog.add(editor);
        dialog.getFooter().add(cancel, save);
        dialog.setWidth("32rem");
        dialog.open();
        (account == null ? editor.login : editor.displayName).focus();
    }

    private void openPasswordReset(AccountSummary account) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.account.reset-password"));
        PasswordField password = new PasswordField(getTranslation("account.password.new"));
        password.setId("account-new-password");
        password.setHelperText(getTranslation("account.password.rule", AccountService.MIN_PASSWORD_LENGTH));
        password.setRequired(true);
        password.setWidthFull();
        Button save = new Button(getTranslation("admin.save"), e -> {
            try {
                accounts.resetPassword(account.id(), password.getValue());
                dialog.close();
                Notifications.success(getTranslation("admin.account.password-reset"));
            } catch (PortalException ex) {
                password.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                password.setInvalid(true);
            }
        });
        save.setId("account-reset-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), e -> dialog.close());
        dialog.add(new VerticalLayout(
                new Paragraph(getTranslation("admin.account.reset-password.text", account.displayName())), password));
        dialog.getFooter().add(cancel, save);
        dialog.setWidth("28rem");
        dialog.open();
        password.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.nav.accounts") + " | " + getTranslation("app.name");
    }
}
