package org.methodportal.account;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an administrator enters to create or rename a department. */
public record DepartmentForm(@NotBlank @Size(max = 100) String name, @Nullable @Size(max = 40) String code) {
}
