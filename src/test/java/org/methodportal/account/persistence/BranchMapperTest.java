package org.methodportal.account.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.Branch;
import org.methodportal.shared.LikePattern;
import org.methodportal.shared.MapperSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

@MapperSlice
class BranchMapperTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T08:15:30.654321Z");
    private static final BranchQuery ALL = new BranchQuery(null, null, null);

    @Autowired
    DepartmentMapper departments;
    @Autowired
    BranchMapper branches;
    @Autowired
    AccountMapper accounts;

    long alpha;
    long bravo;

    @BeforeEach
    void departments() {
        alpha = department("dept-alpha");
        bravo = department("dept-bravo");
    }

    @Test
    void insertedBranchIsReadBackWithItsDepartment() {
        branches.insert(alpha, "预算司党支部", CREATED);

        Branch found = branches.findByName(alpha, "预算司党支部").orElseThrow();

        assertThat(found.departmentId()).isEqualTo(alpha);
        assertThat(found.departmentName()).isEqualTo("dept-alpha");
        assertThat(found.name()).isEqualTo("预算司党支部");
        assertThat(found.enabled()).isTrue();
        assertThat(found.accountCount()).isZero();
        assertThat(found.createdAt()).isEqualTo(CREATED);
        assertThat(found.version()).isZero();
        assertThat(branches.findById(found.id())).contains(found);
        assertThat(branches.findByName(bravo, "预算司党支部")).as("looked up within a department").isEmpty();
    }

    @Test
    void countsAccounts() {
        long id = branch(alpha, "one");
        accounts.insert("u1", "甲", "jia j", "{noop}x", id, CREATED);
        accounts.insert("u2", "乙", "yi y", "{noop}x", id, CREATED);

        assertThat(branches.findById(id).orElseThrow().accountCount()).isEqualTo(2);
    }

    @Test
    void namesAreUniqueWithinADepartmentOnly() {
        branch(alpha, "办公厅党支部");
        branch(bravo, "办公厅党支部");

        assertThat(branches.count(ALL)).isEqualTo(2);
        assertThatThrownBy(() -> branches.insert(alpha, "办公厅党支部", CREATED))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void needsAnExistingDepartment() {
        assertThatThrownBy(() -> branches.insert(-1, "orphan", CREATED))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void filtersByDepartmentTextAndStatus() {
        branch(alpha, "a_1");
        long off = branch(alpha, "ax1");
        branch(bravo, "b1");
        branches.updateEnabled(off, false, 0);

        assertThat(names(branches.findPage(new BranchQuery(null, alpha, null), "name", true, 0, 10)))
                .containsExactly("a_1", "ax1");
        assertThat(names(branches.findPage(new BranchQuery(LikePattern.contains("_"), null, null), "name", true, 0,
                10))).containsExactly("a_1");
        assertThat(names(branches.findPage(new BranchQuery(null, null, false), "name", true, 0, 10)))
                .containsExactly("ax1");
        assertThat(branches.count(new BranchQuery(null, alpha, true))).isEqualTo(1);
    }

    @Test
    void pagesAndSortsByDepartmentName() {
        branch(bravo, "b1");
        branch(alpha, "a2");
        branch(alpha, "a1");
        branch(bravo, "b2");

        // Ties keep the insertion (id) order in either direction.
        assertThat(names(branches.findPage(ALL, "departmentName", false, 0, 10)))
                .containsExactly("b1", "b2", "a2", "a1");
        assertThat(names(branches.findPage(ALL, "name", true, 1, 2))).containsExactly("a2", "b1");
        assertThat(names(branches.findPage(ALL, "unknown", false, 0, 1))).containsExactly("b2");
    }

    @Test
    void updatesOnlyTheExpectedVersion() {
        long id = branch(alpha, "one");

        assertThat(branches.update(id, bravo, "uno", 0)).isEqualTo(1);
        assertThat(branches.update(id, alpha, "eins", 0)).as("stale version").isZero();
        Branch moved = branches.findById(id).orElseThrow();
        assertThat(moved.departmentName()).isEqualTo("dept-bravo");
        assertThat(moved.name()).isEqualTo("uno");
        assertThat(moved.version()).isEqualTo(1);

        assertThat(branches.updateEnabled(id, false, 0)).as("stale version").isZero();
        assertThat(branches.updateEnabled(id, false, 1)).isEqualTo(1);
        assertThat(branches.findById(id).orElseThrow().enabled()).isFalse();
    }

    private long department(String name) {
        departments.insert(name, null, CREATED);
        return departments.findByName(name).orElseThrow().id();
    }

    private long branch(long departmentId, String name) {
        branches.insert(departmentId, name, CREATED);
        return branches.findByName(departmentId, name).orElseThrow().id();
    }

    private static List<String> names(List<Branch> list) {
        return list.stream().map(Branch::name).toList();
    }
}
