package org.methodportal.promotion.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.account.persistence.BranchMapper;
import org.methodportal.account.persistence.DepartmentMapper;
import org.methodportal.adoption.AdoptionStatus;
import org.methodportal.adoption.persistence.AdoptionKey;
import org.methodportal.adoption.persistence.AdoptionMapper;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.persistence.GeneratedKey;
import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.method.persistence.NewMethod;
import org.methodportal.promotion.BranchDecision;
import org.methodportal.promotion.Coverage;
import org.methodportal.promotion.Exemplar;
import org.methodportal.promotion.PendingBranch;
import org.methodportal.promotion.Promotion;
import org.methodportal.promotion.PromotionDecision;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.OrganisationRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

@MapperSlice
class PromotionMapperTest {

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
    AdoptionMapper adoptions;
    @Autowired
    PromotionMapper promotions;

    long finance;
    long agriculture;
    long budget;
    long treasury;
    long farming;
    long li;
    long method;

    @BeforeEach
    void rows() {
        var org = new OrganisationRows(departments, branches, accounts, T0);
        finance = org.department("pm-finance");
        agriculture = org.department("pm-agriculture");
        budget = org.branch(finance, "预算司党支部");
        treasury = org.branch(finance, "国库司党支部");
        farming = org.branch(agriculture, "种植业管理司党支部");
        li = org.account("pm-li", "李审核", budget);
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, finance, budget, li, MethodStatus.PUBLISHED, null, T0), key);
        method = key.getId();
    }

    @Test
    void aPromotionToADepartmentCountsItsBranchesDecisionsAdoptionsAndEffectiveReports() {
        var key = new PromotionKey();
        promotions.insert(method, "请各支部学习", false, li, T0, key);
        long promotion = key.getId();
        promotions.insertDepartments(promotion, List.of(finance));

        assertThat(promotions.countBranches(false, List.of(finance))).isEqualTo(2);
        assertThat(promotions.countBranches(false, List.of())).isZero();
        assertThat(promotions.targets(promotion, budget)).isTrue();
        assertThat(promotions.targets(promotion, farming)).isFalse();
        assertThat(promotions.findDepartmentNames(promotion)).containsExactly("pm-finance");
        assertThat(promotions.countOpenTasks(budget, finance)).isEqualTo(1);
        assertThat(promotions.countOpenTasks(farming, agriculture)).isZero();

        promotions.insertDecision(promotion, budget, PromotionDecision.ADOPT, "试行", li, T0.plusSeconds(1));
        var adoption = new AdoptionKey();
        adoptions.insert(method, budget, li, LocalDate.of(2026, 3, 2), null, T0, adoption);
        adoptions.insertReport(adoption.getId(), AdoptionStatus.EFFECTIVE, "见效", 5, 10, li, T0.plusSeconds(2),
                new AdoptionKey());
        adoptions.insertReport(adoption.getId(), AdoptionStatus.EFFECTIVE, "又见效", 5, 12, li, T0.plusSeconds(3),
                new AdoptionKey());

        assertThat(promotions.coverage(promotion, method)).containsExactly(
                new Coverage.Row(finance, "pm-finance", 2, 1, 1, 1));
        assertThat(promotions.findPending(promotion, 0, 10)).containsExactly(
                new PendingBranch(treasury, "国库司党支部", "pm-finance"));
        assertThat(promotions.countPending(promotion)).isEqualTo(1);
        assertThat(promotions.countOpenTasks(budget, finance)).as("decided").isZero();
        assertThat(promotions.findOpenTasks(treasury, finance, 5)).extracting(Promotion::id).containsExactly(promotion);
        BranchDecision decision = promotions.findDecision(promotion, budget).orElseThrow();
        assertThat(decision.decision()).isEqualTo(PromotionDecision.ADOPT);
        assertThat(decision.branchName()).isEqualTo("预算司党支部");
        assertThat(promotions.findDecisions(promotion, 5)).hasSize(1);
        // last: on PostgreSQL a violated constraint ends the test's transaction
        assertThatThrownBy(() -> promotions.insertDecision(promotion, budget, PromotionDecision.DECLINE, "再议", li, T0))
                .as("one decision per branch").isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aPromotionToAllReachesEveryEnabledBranchAndExemplarsAreListedNewestFirst() {
        var key = new PromotionKey();
        promotions.insert(method, null, true, li, T0, key);
        long all = key.getId();
        promotions.insertDecision(all, farming, PromotionDecision.DECLINE, "任务重，明年再学", li, T0);

        assertThat(promotions.findDepartmentNames(all)).isEmpty();
        assertThat(promotions.targets(all, farming)).isTrue();
        assertThat(promotions.coverage(all, method)).contains(new Coverage.Row(finance, "pm-finance", 2, 0, 0, 0),
                new Coverage.Row(agriculture, "pm-agriculture", 1, 1, 0, 0));
        assertThat(promotions.countBranches(true, null)).isEqualTo(promotions.coverage(all, method).stream()
                .mapToLong(Coverage.Row::targeted).sum());
        assertThat(promotions.findById(all)).map(Promotion::allBranches).contains(true);
        assertThat(promotions.findByMethod(method)).extracting(Promotion::id).containsExactly(all);
        // newest first: other tests' promotions in the shared database may be newer than T0
        assertThat(promotions.findRecent(100)).extracting(Promotion::id).contains(all);
        assertThat(promotions.findRecent(100)).extracting(Promotion::createdAt)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        promotions.insertExemplar(method, "落实到每个机关支部的样板", li, T0);
        Exemplar exemplar = promotions.findExemplar(method).orElseThrow();
        assertThat(exemplar.reason()).isEqualTo("落实到每个机关支部的样板");
        assertThat(exemplar.designatedByName()).isEqualTo("李审核");
        assertThat(promotions.findExemplars(10)).extracting(Exemplar::methodId).contains(method);
        promotions.deleteExemplar(method);
        assertThat(promotions.findExemplar(method)).isEmpty();
    }
}
