package org.methodportal.account.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.methodportal.account.AccountForm;
import org.methodportal.account.AccountService;
import org.methodportal.account.AccountSummary;
import org.methodportal.account.Department;
import org.methodportal.account.OrganisationService;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.Role;

import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The fields of the create and edit account dialogs. It checks and collects the input; the view
 * calls the service. On edit the login name is read-only and there is no password field.
 */
class AccountEditor extends VerticalLayout {

    final TextField login = new TextField();
    final TextField displayName = new TextField();
    final BranchPicker branch;
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final MultiSelectComboBox<Department> reviewerDepartments = new MultiSelectComboBox<>();
    final PasswordField password = new PasswordField();
    private final boolean creating;

    AccountEditor(OrganisationService organisation, AccountSummary account) {
        setPadding(false);
        creating = account == null;
        // New assignments go to enabled branches only; an account's current branch stays its value.
        branch = new BranchPicker(organisation, Boolean.TRUE);
        login.setId("account-login");
        login.setLabel(getTranslation("account.field.login"));
        login.setMaxLength(64);
        displayName.setId("account-display-name");
        displayName.setLabel(getTranslation("account.field.displayName"));
        displayName.setMaxLength(100);
        branch.setId("account-branch");
        branch.setLabel(getTranslation("account.field.branch"));
        roles.setId("account-roles");
        roles.setLabel(getTranslation("account.field.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        roles.addValueChangeListener(e -> reviewerDepartments.setVisible(e.getValue().contains(Role.REVIEWER)));
        reviewerDepartments.setId("account-reviewer-departments");
        reviewerDepartments.setLabel(getTranslation("account.field.reviewerDepartments"));
        reviewerDepartments.setItemLabelGenerator(Department::name);
        password.setId("account-password");
        password.setLabel(getTranslation("admin.account.initial-password"));
        password.setHelperText(getTranslation("account.password.rule", AccountService.MIN_PASSWORD_LENGTH));
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(login, displayName, branch, roles, password)) {
            field.setRequiredIndicatorVisible(true);
        }
        for (HasSize field : List.<HasSize>of(login, displayName, branch, roles, reviewerDepartments, password)) {
            field.setWidthFull();
        }

        List<Department> departments = new ArrayList<>(organisation.enabledDepartments());
        if (creating) {
            roles.setValue(Set.of(Role.MEMBER));
            reviewerDepartments.setItems(departments);
            add(login, displayName, branch, roles, reviewerDepartments, password);
        } else {
            login.setValue(account.login());
            login.setReadOnly(true);
            displayName.setValue(account.displayName());
            branch.setValue(organisation.branch(account.branchId()));
            // Reviewed departments that were disabled since stay selectable, so saving does not drop them.
            Set<Long> known = departments.stream().map(Department::id).collect(Collectors.toSet());
            account.reviewerDepartmentIds().stream().filter(id -> !known.contains(id))
                    .forEach(id -> departments.add(organisation.department(id)));
            reviewerDepartments.setItems(departments);
            reviewerDepartments.setValue(departments.stream()
                    .filter(d -> account.reviewerDepartmentIds().contains(d.id())).toList());
            roles.setValue(account.roles());
            add(login, displayName, branch, roles, reviewerDepartments);
        }
        reviewerDepartments.setVisible(roles.getValue().contains(Role.REVIEWER));
    }

    /** Marks missing or too short input next to its field; true when the input may be sent. */
    boolean validate() {
        boolean valid = require(login, login.getValue().isBlank());
        valid &= require(displayName, displayName.getValue().isBlank());
        valid &= require(branch, branch.getValue() == null);
        valid &= require(roles, roles.getValue().isEmpty());
        reviewerDepartments.setInvalid(false);
        if (creating && password.getValue().length() < AccountService.MIN_PASSWORD_LENGTH) {
            password.setErrorMessage(getTranslation("error.account.password-too-short",
                    AccountService.MIN_PASSWORD_LENGTH));
            password.setInvalid(true);
            valid = false;
        } else {
            password.setInvalid(false);
        }
        return valid;
    }

    /** The input as the service takes it; reviewer departments only count for reviewers. */
    AccountForm toForm() {
        Set<Long> reviewed = roles.getValue().contains(Role.REVIEWER)
                ? reviewerDepartments.getValue().stream().map(Department::id).collect(Collectors.toSet())
                : Set.of();
        return new AccountForm(login.getValue(), displayName.getValue(), branch.getValue().id(), roles.getValue(),
                reviewed);
    }

    /** Shows a service failure next to the field it concerns; false when it concerns no field. */
    boolean showError(PortalException ex) {
        HasValidation field = switch (ex.code()) {
            case "account.login-invalid", "account.login-taken" -> login;
            case "account.password-too-short", "account.password-weak" -> password;
            case "account.roles-required", "account.cannot-demote-self" -> roles;
            case "branch.not-found" -> branch;
            case "department.not-found" -> reviewerDepartments;
            default -> null;
        };
        if (field == null) {
            return false;
        }
        field.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
        field.setInvalid(true);
        return true;
    }

    private boolean require(HasValidation field, boolean missing) {
        if (missing) {
            field.setErrorMessage(getTranslation("admin.required"));
        }
        field.setInvalid(missing);
        return !missing;
    }
}
