package org.methodportal.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an administrator enters to create or edit a branch. */
public record BranchForm(long departmentId, @NotBlank @Size(max = 100) String name) {
}
