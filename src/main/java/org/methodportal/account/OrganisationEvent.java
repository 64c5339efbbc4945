package org.methodportal.account;

import org.methodportal.shared.AuditableEvent;

/**
 * A department, branch or account was created or changed by an administrator (or by its owner, for
 * password, language and automatic watching), one record per fact; audited in the publisher's
 * transaction under the action names kept here (stored audit rows use these names). Accounts are
 * named by login in the trail, departments and branches by id.
 */
public sealed interface OrganisationEvent extends AuditableEvent
        permits AccountEvent, DepartmentEvent, BranchEvent {

    @Override
    default String action() {
        return switch (this) {
            case AccountEvent.AccountCreated e -> "account.created";
            case AccountEvent.AccountUpdated e -> "account.updated";
            case AccountEvent.AccountEnabled e -> "account.enabled";
            case AccountEvent.AccountDisabled e -> "account.disabled";
            case AccountEvent.PasswordReset e -> "account.password-reset";
            case AccountEvent.PasswordChanged e -> "account.password-changed";
            case AccountEvent.LocaleChanged e -> "account.locale-changed";
            case AccountEvent.AutoWatchChanged e -> "account.auto-watch-changed";
            case DepartmentEvent.DepartmentCreated e -> "department.created";
            case DepartmentEvent.DepartmentUpdated e -> "department.updated";
            case DepartmentEvent.DepartmentEnabled e -> "department.enabled";
            case DepartmentEvent.DepartmentDisabled e -> "department.disabled";
            case BranchEvent.BranchCreated e -> "branch.created";
            case BranchEvent.BranchUpdated e -> "branch.updated";
            case BranchEvent.BranchEnabled e -> "branch.enabled";
            case BranchEvent.BranchDisabled e -> "branch.disabled";
        };
    }
}
