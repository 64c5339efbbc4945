package org.methodportal.shared;

import java.time.Instant;

import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.account.persistence.BranchMapper;
import org.methodportal.account.persistence.DepartmentMapper;

/** Departments, branches and accounts written straight into their tables, for mapper tests of other tables. */
public record OrganisationRows(DepartmentMapper departments, BranchMapper branches, AccountMapper accounts,
                               Instant at) {

    public long department(String name) {
        departments.insert(name, null, at);
        return departments.findByName(name).orElseThrow().id();
    }

    public long branch(long departmentId, String name) {
        branches.insert(departmentId, name, at);
        return branches.findByName(departmentId, name).orElseThrow().id();
    }

    /** An account whose search key is its login, enough for tests that only need an id and a name. */
    public long account(String login, String displayName, long branchId) {
        accounts.insert(login, displayName, login, "{noop}x", branchId, at);
        return accounts.findByLogin(login).orElseThrow().id();
    }
}
