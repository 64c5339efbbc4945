package org.methodportal.recheck.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import org.methodportal.method.persistence.NewRevision;
import org.methodportal.method.persistence.RevisionTagRow;
import org.methodportal.recheck.RecheckDue;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.OrganisationRows;
import org.springframework.beans.factory.annotation.Autowired;

@MapperSlice
class RecheckMapperTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    DepartmentMapper departments;
    @Autowired
    BranchMapper branches;
    @Autowired
    AccountMapper accounts;
    @Autowired
    MethodMapper methods;
    @Autowired
    RecheckMapper rechecks;

    long li;
    long finance;
    long agriculture;
    long budget;
    long farming;

    @BeforeEach
    void rows() {
        var org = new OrganisationRows(departments, branches, accounts, T0);
        finance = org.department("rc-finance");
        agriculture = org.department("rc-agriculture");
        budget = org.branch(finance, "预算司党支部");
        farming = org.branch(agriculture, "种植业管理司党支部");
        li = org.account("rc-li", "李审核", budget);
    }

    @Test
    void publishedMethodsGetTheirCategorysDateAndAreListedOnceDueByDepartment() {
        long massLine = published(finance, budget, Category.MASS_LINE, "甲", List.of());
        long cohesion = published(finance, budget, Category.COHESION, "乙", List.of());
        long elsewhere = published(agriculture, farming, Category.COHESION, "丙", List.of());
        long draft = method(finance, budget, Category.COHESION, MethodStatus.DRAFT);
        List<Long> all = List.of(massLine, cohesion, elsewhere, draft);

        rechecks.deleteDue(all);
        rechecks.insertDue(all, Map.of(Category.MASS_LINE, DAY.plusMonths(6)), DAY.plusYears(1), T0);

        assertThat(rechecks.findByMethod(massLine)).map(RecheckDue::dueOn).contains(DAY.plusMonths(6));
        assertThat(rechecks.findByMethod(cohesion)).map(RecheckDue::dueOn).contains(DAY.plusYears(1));
        assertThat(rechecks.findByMethod(draft)).as("drafts have no review-by date").isEmpty();
        assertThat(rechecks.findDue(DAY.plusMonths(6).minusDays(1), null, 0, 10)).isEmpty();
        assertThat(rechecks.findDue(DAY.plusYears(1), null, 0, 10)).extracting(RecheckDue::methodId)
                .as("the longest overdue first").containsSubsequence(massLine, cohesion).contains(elsewhere);
        assertThat(rechecks.findDue(DAY.plusYears(1), List.of(finance), 0, 10)).extracting(RecheckDue::methodId)
                .containsExactly(massLine, cohesion);
        assertThat(rechecks.countDue(DAY.plusYears(1), List.of(agriculture))).isEqualTo(1);
        assertThat(rechecks.findDue(DAY.plusYears(1), List.of(), 0, 10)).as("a reviewer of no department").isEmpty();
        assertThat(rechecks.countDue(DAY.plusYears(1), List.of())).isZero();
        assertThat(rechecks.countSettable(Category.COHESION, null, List.of(), DAY)).isZero();
        RecheckDue due = rechecks.findByMethod(massLine).orElseThrow();
        assertThat(due.title()).isEqualTo("甲");
        assertThat(due.departmentName()).isEqualTo("rc-finance");

        // scheduling again replaces the date: a new publication starts a new period
        rechecks.deleteDue(List.of(massLine));
        rechecks.insertDue(List.of(massLine), Map.of(), DAY.plusYears(2), T0);
        assertThat(rechecks.findByMethod(massLine)).map(RecheckDue::dueOn).contains(DAY.plusYears(2));
    }

    @Test
    void aCategoryOrTagIsSetDueAtOnceAndAConfirmationGivesTheNextDate() {
        long tagged = published(finance, budget, Category.COHESION, "甲", List.of("政策调整"));
        long sameCategory = published(finance, budget, Category.COHESION, "乙", List.of());
        long otherDepartment = published(agriculture, farming, Category.COHESION, "丙", List.of("政策调整"));
        List<Long> all = List.of(tagged, sameCategory, otherDepartment);
        rechecks.insertDue(all, Map.of(), DAY.plusYears(1), T0);

        assertThat(rechecks.countSettable(null, "政策调整", List.of(finance), DAY)).isEqualTo(1);
        assertThat(rechecks.countSettable(null, "政策调整", null, DAY)).isEqualTo(2);
        assertThat(rechecks.countSettable(Category.COHESION, null, List.of(finance), DAY)).isEqualTo(2);
        assertThat(rechecks.setDue(null, "政策调整", List.of(finance), DAY, "新规出台", li, T0.plusSeconds(5)))
                .isEqualTo(1);
        RecheckDue set = rechecks.findByMethod(tagged).orElseThrow();
        assertThat(set.dueOn()).isEqualTo(DAY);
        assertThat(set.setReason()).isEqualTo("新规出台");
        assertThat(set.setByName()).isEqualTo("李审核");
        assertThat(rechecks.findByMethod(otherDepartment)).map(RecheckDue::dueOn).as("another department")
                .contains(DAY.plusYears(1));
        assertThat(rechecks.countSettable(null, "政策调整", List.of(finance), DAY)).as("due already").isZero();
        assertThat(rechecks.findDue(DAY, List.of(finance), 0, 10)).extracting(RecheckDue::methodId).containsExactly(tagged);

        assertThat(rechecks.confirm(tagged, DAY.plusYears(1), li, T0.plusSeconds(9), "仍然适用")).isEqualTo(1);
        RecheckDue confirmed = rechecks.findByMethod(tagged).orElseThrow();
        assertThat(confirmed.dueOn()).isEqualTo(DAY.plusYears(1));
        assertThat(confirmed.setReason()).isNull();
        assertThat(confirmed.confirmedByName()).isEqualTo("李审核");
        assertThat(confirmed.confirmNote()).isEqualTo("仍然适用");
        assertThat(confirmed.confirmedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(rechecks.confirm(-1, DAY, li, T0, null)).as("no such row").isZero();
    }

    private long published(long department, long branch, Category category, String title, List<String> tags) {
        long id = method(department, branch, category, MethodStatus.PUBLISHED);
        var key = new GeneratedKey();
        methods.insertRevision(new NewRevision(id, 1, null, title, null, category, "问题", null, null, null, null, li, T0,
                null, MethodStatus.PUBLISHED), key);
        long revision = key.getId();
        if (!tags.isEmpty()) {
            methods.insertTags(tags.stream().map(t -> new RevisionTagRow(revision, tags.indexOf(t), t)).toList());
        }
        methods.updatePublishedRevision(id, revision, T0, 0);
        return id;
    }

    private long method(long department, long branch, Category category, MethodStatus status) {
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, category, department, branch, li, status, null, T0), key);
        return key.getId();
    }
}
