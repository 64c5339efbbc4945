package org.methodportal.account.persistence;

import org.methodportal.shared.Role;

public record AccountRoleRow(long accountId, Role role) {
}
