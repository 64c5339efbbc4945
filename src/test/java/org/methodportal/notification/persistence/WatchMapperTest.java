package org.methodportal.notification.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.account.persistence.BranchMapper;
import org.methodportal.account.persistence.DepartmentMapper;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.persistence.GeneratedKey;
import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.method.persistence.NewMethod;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.OrganisationRows;
import org.springframework.beans.factory.annotation.Autowired;

@MapperSlice
class WatchMapperTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456Z");

    @Autowired
    DepartmentMapper departments;
    @Autowired
    BranchMapper branches;
    @Autowired
    AccountMapper accounts;
    @Autowired
    MethodMapper methods;
    @Autowired
    WatchMapper watches;

    long li;
    long wang;
    long zhao;
    long method;
    long other;

    @BeforeEach
    void rows() {
        var org = new OrganisationRows(departments, branches, accounts, T0);
        long department = org.department("wt-finance");
        long branch = org.branch(department, "预算司党支部");
        li = org.account("wt-li", "李书记", branch);
        wang = org.account("wt-wang", "王审核", branch);
        zhao = org.account("wt-zhao", "赵评审", branch);
        method = method(department, branch);
        other = method(department, branch);
    }

    @Test
    void aStateIsInsertedOnceAndAnExistingRowKeepsItsStateAgainstLaterInserts() {
        assertThat(watches.findState(li, method)).isEmpty();
        assertThat(watches.insertIfAbsent(li, method, true, T0)).isEqualTo(1);
        assertThat(watches.findState(li, method)).contains(true);

        assertThat(watches.updateState(li, method, false, T0.plusSeconds(5))).isEqualTo(1);
        assertThat(watches.insertIfAbsent(li, method, true, T0.plusSeconds(9))).as("unwatch sticks").isZero();
        assertThat(watches.findState(li, method)).contains(false);
        assertThat(watches.updateState(wang, method, true, T0)).as("no row yet").isZero();
    }

    @Test
    void watchersAreTheEnabledAccountsWatchingThatMethod() {
        watches.insertIfAbsent(li, method, true, T0);
        watches.insertIfAbsent(wang, method, true, T0);
        watches.insertIfAbsent(zhao, method, false, T0);
        watches.insertIfAbsent(zhao, other, true, T0);
        assertThat(watches.findWatcherIds(method)).containsExactly(li, wang);

        accounts.updateEnabled(wang, false, 0);
        assertThat(watches.findWatcherIds(method)).containsExactly(li);
        assertThat(watches.findWatcherIds(other)).containsExactly(zhao);
    }

    private long method(long department, long branch) {
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, department, branch, li, MethodStatus.DRAFT, null, T0),
                key);
        return key.getId();
    }
}
