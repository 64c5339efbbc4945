package org.methodportal.adoption.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.account.persistence.BranchMapper;
import org.methodportal.account.persistence.DepartmentMapper;
import org.methodportal.adoption.Adoption;
import org.methodportal.adoption.AdoptionAttachment;
import org.methodportal.adoption.AdoptionReport;
import org.methodportal.adoption.AdoptionStatus;
import org.methodportal.adoption.AdoptionSummary;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.persistence.GeneratedKey;
import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.method.persistence.NewMethod;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.OrganisationRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

@MapperSlice
class AdoptionMapperTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456Z");
    private static final LocalDate START = LocalDate.of(2026, 3, 1);

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

    long li;
    long budget;
    long treasury;
    long farming;
    long method;
    long finance;

    @BeforeEach
    void rows() {
        var org = new OrganisationRows(departments, branches, accounts, T0);
        finance = org.department("ad-finance");
        long agriculture = org.department("ad-agriculture");
        budget = org.branch(finance, "预算司党支部");
        treasury = org.branch(finance, "国库司党支部");
        farming = org.branch(agriculture, "种植业管理司党支部");
        li = org.account("ad-li", "李书记", budget);
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, finance, budget, li, MethodStatus.PUBLISHED, null, T0), key);
        method = key.getId();
    }

    @Test
    void aBranchHasOneOpenAdoptionOfAMethodAtATimeAndAStoppedOneFreesIt() {
        long first = adopt(budget, T0);
        adopt(treasury, T0.plusSeconds(2));

        assertThat(adoptions.findOpen(method, budget)).map(Adoption::id).contains(first);
        assertThat(adoptions.stop(first, T0.plusSeconds(3))).isEqualTo(1);
        assertThat(adoptions.stop(first, T0.plusSeconds(4))).as("stopped already").isZero();
        assertThat(adoptions.findOpen(method, budget)).isEmpty();
        long again = adopt(budget, T0.plusSeconds(5));

        assertThat(adoptions.findByMethod(method, 0, 10)).extracting(Adoption::id).as("open first, newest first")
                .containsExactly(again, adoptions.findOpen(method, treasury).orElseThrow().id(), first);
        assertThat(adoptions.countByMethod(method)).isEqualTo(3);
        Adoption stopped = adoptions.findById(first).orElseThrow();
        assertThat(stopped.open()).isFalse();
        assertThat(stopped.startedOn()).isEqualTo(START);
        assertThat(stopped.branchName()).isEqualTo("预算司党支部");
        assertThat(stopped.departmentName()).isEqualTo("ad-finance");
        assertThat(stopped.adoptedByName()).isEqualTo("李书记");
        // last: on PostgreSQL a violated constraint ends the test's transaction
        assertThatThrownBy(() -> adopt(budget, T0.plusSeconds(6))).as("open again already")
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void reportsCountTowardsTheLatestStatusTheAverageOfLatestRatingsAndTheDepartments() {
        long budgetAdoption = adopt(budget, T0);
        long treasuryAdoption = adopt(treasury, T0);
        long farmingAdoption = adopt(farming, T0);
        report(budgetAdoption, AdoptionStatus.TRIAL, 2, T0.plusSeconds(10));
        report(budgetAdoption, AdoptionStatus.EFFECTIVE, 5, T0.plusSeconds(20));
        report(treasuryAdoption, AdoptionStatus.UNCLEAR, 2, T0.plusSeconds(30));

        Adoption budgetRow = adoptions.findById(budgetAdoption).orElseThrow();
        assertThat(budgetRow.reportCount()).isEqualTo(2);
        assertThat(budgetRow.latestStatus()).isEqualTo(AdoptionStatus.EFFECTIVE);
        assertThat(budgetRow.latestRating()).isEqualTo(5);
        assertThat(adoptions.findById(farmingAdoption).orElseThrow().latestStatus()).isNull();
        assertThat(adoptions.averageLatestRating(method)).as("(5 + 2) / 2").isEqualTo(3.5);
        assertThat(adoptions.countOpenByDepartment(method)).containsExactly(
                new AdoptionSummary.DepartmentCount("ad-finance", 2), new AdoptionSummary.DepartmentCount("ad-agriculture", 1));
        assertThat(adoptions.findLatestReports(method, 2)).extracting(AdoptionReport::rating).containsExactly(2, 5);
        assertThat(adoptions.findReports(budgetAdoption)).extracting(AdoptionReport::status)
                .containsExactly(AdoptionStatus.EFFECTIVE, AdoptionStatus.TRIAL);
        AdoptionReport latest = adoptions.findReports(budgetAdoption).getFirst();
        assertThat(latest.participants()).isEqualTo(12);
        assertThat(latest.reportedByName()).isEqualTo("李书记");
        assertThat(latest.reportedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(adoptions.averageLatestRating(method + 999_999)).isNull();
    }

    @Test
    void dueAdoptionsAreThoseOpenWithoutAReportSinceTheCutOffAndEachIsRemindedOnce() {
        long unreported = adopt(budget, T0);                 // started on START, never reported
        long reportedEarly = adopt(treasury, T0);
        long reportedLate = adopt(farming, T0);
        Instant early = Instant.parse("2026-04-01T10:00:00Z");
        Instant late = Instant.parse("2026-05-01T10:00:00Z");
        report(reportedEarly, AdoptionStatus.TRIAL, 3, early);
        adoptions.markReported(reportedEarly, early);
        report(reportedLate, AdoptionStatus.TRIAL, 3, late);
        adoptions.markReported(reportedLate, late);
        assertThat(adoptions.findById(reportedLate).orElseThrow().lastReportedAt()).isEqualTo(late);

        // the cut-off day 2026-04-01: started on or before it, or last reported before the next day began
        LocalDate cutoff = LocalDate.of(2026, 4, 1);
        Instant cutoffInstant = Instant.parse("2026-04-02T00:00:00Z");
        assertThat(adoptions.findUnremindedDue(cutoff, cutoffInstant, 10)).extracting(Adoption::id)
                .containsExactly(unreported, reportedEarly);
        assertThat(adoptions.findUnremindedDue(START.minusDays(1), T0.minusSeconds(1), 10)).as("before the start").isEmpty();
        assertThat(adoptions.countDueByBranch(treasury, cutoff, cutoffInstant)).isEqualTo(1);
        assertThat(adoptions.countDueByBranch(farming, cutoff, cutoffInstant)).isZero();

        assertThat(adoptions.markReminded(unreported, late)).isEqualTo(1);
        assertThat(adoptions.markReminded(unreported, late)).as("reminded already").isZero();
        assertThat(adoptions.findUnremindedDue(cutoff, cutoffInstant, 10)).extracting(Adoption::id)
                .containsExactly(reportedEarly);
        assertThat(adoptions.countDueByBranch(budget, cutoff, cutoffInstant)).as("still due, only reminded").isEqualTo(1);
        adoptions.stop(reportedEarly, late);
        assertThat(adoptions.findUnremindedDue(cutoff, cutoffInstant, 10)).as("stopped ones are not due").isEmpty();

        // a report clears the reminder: the next period reminds again
        adoptions.markReported(unreported, late);
        assertThat(adoptions.findUnremindedDue(LocalDate.of(2026, 6, 1), Instant.parse("2026-06-02T00:00:00Z"), 10))
                .extracting(Adoption::id).containsExactly(unreported, reportedLate);
        assertThat(adoptions.findOpenByBranch(budget, 10)).extracting(Adoption::id).containsExactly(unreported);
    }

    @Test
    void aBranchsOpenAdoptionsComeLongestWithoutAReportFirst() {
        long second = insertMethod();
        long third = insertMethod();
        long recentlyReported = adopt(budget, T0);
        long neverReported = adopt(second, budget, LocalDate.of(2026, 3, 20), T0);
        long reportedLongAgo = adopt(third, budget, LocalDate.of(2026, 1, 5), T0);
        adoptions.markReported(recentlyReported, Instant.parse("2026-06-01T10:00:00Z"));
        adoptions.markReported(reportedLongAgo, Instant.parse("2026-03-10T10:00:00Z"));
        assertThat(adoptions.findOpenByBranch(budget, 10)).extracting(Adoption::id)
                .containsExactly(reportedLongAgo, neverReported, recentlyReported);
    }

    @Test
    void aBranchsAdoptionsListOpenOnesFirstThenStoppedOnes() {
        long second = insertMethod();
        long stopped = adopt(budget, T0);
        long open = adopt(second, budget, LocalDate.of(2026, 2, 1), T0);
        adopt(treasury, T0);
        adoptions.stop(stopped, T0.plusSeconds(1));
        assertThat(adoptions.findByBranch(budget, 0, 10)).extracting(Adoption::id).containsExactly(open, stopped);
        assertThat(adoptions.findByBranch(budget, 1, 10)).extracting(Adoption::id).containsExactly(stopped);
        assertThat(adoptions.countByBranch(budget)).isEqualTo(2);
    }

    private long insertMethod() {
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, Category.COHESION, finance, budget, li,
                MethodStatus.PUBLISHED, null, T0), key);
        return key.getId();
    }

    private long adopt(long methodId, long branch, LocalDate startedOn, Instant at) {
        var key = new AdoptionKey();
        adoptions.insert(methodId, branch, li, startedOn, null, at, key);
        return key.getId();
    }

    @Test
    void aReportsFileIsStoredBesideItAndReadBackByteForByteThroughItsOwnAdoptionOnly() {
        long adoption = adopt(budget, T0);
        long other = adopt(treasury, T0);
        long withFile = report(adoption, AdoptionStatus.TRIAL, 3, T0.plusSeconds(1));
        long withoutFile = report(adoption, AdoptionStatus.EFFECTIVE, 4, T0.plusSeconds(2));
        // every byte value, and more than a page of H2's store: the large-object path, not an inline value
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        for (int i = 0; i < 256; i++) {
            content[i] = (byte) i;
        }
        adoptions.insertAttachment(withFile, "活动照片.png", "image/png", content.length, content);

        AdoptionAttachment file = adoptions.findAttachment(adoption, withFile).orElseThrow();
        assertThat(file.content()).isEqualTo(content);
        assertThat(file.fileName()).isEqualTo("活动照片.png");
        assertThat(file.contentType()).isEqualTo("image/png");
        assertThat(file.size()).isEqualTo(300_000);
        assertThat(file.reportId()).isEqualTo(withFile);
        assertThat(adoptions.findAttachment(other, withFile)).as("another adoption's report").isEmpty();
        assertThat(adoptions.findAttachment(adoption, withoutFile)).isEmpty();

        assertThat(adoptions.findReports(adoption)).extracting(AdoptionReport::id, AdoptionReport::attachmentName,
                AdoptionReport::attachmentSize).containsExactly(tuple(withoutFile, null, null),
                tuple(withFile, "活动照片.png", 300_000L));
        assertThat(adoptions.findLatestReports(method, 5)).filteredOn(r -> r.id() == withFile)
                .singleElement().satisfies(r -> assertThat(r.branchId()).isEqualTo(budget));
        // last: on PostgreSQL a violated constraint ends the test's transaction
        assertThatThrownBy(() -> adoptions.insertAttachment(withFile, "第二个.pdf", "application/pdf", 1, new byte[] {1}))
                .as("one file per report").isInstanceOf(DuplicateKeyException.class);
    }

    private long adopt(long branch, Instant at) {
        var key = new AdoptionKey();
        adoptions.insert(method, branch, li, START, "每月一次", at, key);
        return key.getId();
    }

    private long report(long adoption, AdoptionStatus status, int rating, Instant at) {
        var key = new AdoptionKey();
        adoptions.insertReport(adoption, status, "做法见效", rating, 12, li, at, key);
        return key.getId();
    }
}
