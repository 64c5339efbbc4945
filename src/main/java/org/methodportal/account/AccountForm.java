package org.methodportal.account;

import java.util.Set;

import org.methodportal.shared.Role;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** What an administrator enters to create or edit an account (the password is set separately). */
public record AccountForm(@NotBlank @Size(max = 64) String login, @NotBlank @Size(max = 100) String displayName,
                          long branchId, @NotEmpty Set<Role> roles, Set<Long> reviewerDepartmentIds) {

    public AccountForm {
        roles = Set.copyOf(roles);
        reviewerDepartmentIds = Set.copyOf(reviewerDepartmentIds);
    }
}
