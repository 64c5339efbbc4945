package org.methodportal.account;

/**
 * An account as any signed-in user may see it, for pickers and author names: no login, roles or
 * other administration data. Branch names repeat across departments, hence both.
 */
public record AccountRef(long id, String displayName, String departmentName, String branchName) {
}
