package org.methodportal.statistics.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

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
import org.methodportal.review.Decision;
import org.methodportal.review.Scores;
import org.methodportal.review.persistence.NewReview;
import org.methodportal.review.persistence.ReviewKey;
import org.methodportal.review.persistence.ReviewMapper;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.OrganisationRows;
import org.methodportal.statistics.Statistics;
import org.methodportal.statistics.Statistics.AdoptedMethod;
import org.methodportal.statistics.Statistics.Count;
import org.methodportal.statistics.Statistics.DepartmentAdoption;
import org.methodportal.statistics.Statistics.RatingCount;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every figure on known rows of two departments of their own (so other tests' rows do not count),
 * on H2 and PostgreSQL. Times are at noon UTC in mid-month: the same month in the JVM zones both
 * executions use.
 */
@MapperSlice
class StatisticsMapperTest {

    private static final Instant Y2025 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant Y2026 = Instant.parse("2026-01-01T00:00:00Z");

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
    StatisticsMapper statistics;
    @Autowired
    ReviewMapper reviews;
    @Autowired
    DataSource dataSource;
    JdbcTemplate jdbc;

    long deptA;
    long deptB;
    long a1;
    long a2;
    long b1;
    long user;
    long m1;
    long m2;
    long m3;
    long m4;
    long change;

    @BeforeEach
    void rows() {
        jdbc = new JdbcTemplate(dataSource);
        var org = new OrganisationRows(departments, branches, accounts, at("2024-01-10"));
        deptA = org.department("sm-甲部");
        deptB = org.department("sm-乙部");
        a1 = org.branch(deptA, "sm-甲一支部");
        a2 = org.branch(deptA, "sm-甲二支部");
        b1 = org.branch(deptB, "sm-乙一支部");
        user = org.account("sm-user", "统计员", a1);

        m1 = method(Category.COHESION, deptA, a1, MethodStatus.PUBLISHED, "2025-03-15", null, "“五对接”工作法");
        m2 = method(Category.COHESION, deptA, a1, MethodStatus.IN_REVIEW, "2025-03-20", null, "接地气");
        m3 = method(Category.PARTY_BUILDING, deptB, b1, MethodStatus.PUBLISHED, "2025-05-15", null, "支点");
        m4 = method(Category.URGENT_TASKS, deptA, a2, MethodStatus.DRAFT, "2024-12-15", null, "去年的草稿");
        change = method(Category.COHESION, deptA, a1, MethodStatus.IN_REVIEW, "2025-06-01", m1, "“五对接”工作法");

        publish(m1, "2025-04-10");
        publish(m1, "2025-06-10");
        publish(m3, "2025-05-20");

        submit(m2, 1, "2025-04-01");
        review(m2, 1, "REQUEST_CHANGES", "2025-04-02", 3, 3, 3, 3, 3, 2);
        submit(m2, 2, "2025-05-01");
        review(m2, 2, "APPROVE", "2025-05-04", 5, 5, 5, 5, 5, 5);
        submit(change, 1, "2025-06-03");
        review(change, 1, "APPROVE", "2025-06-05", 4, 4, 4, 4, 4, 4);

        jdbc.update("UPDATE method SET adopting_branches = 2 WHERE id = ?", m1);
        jdbc.update("UPDATE method SET adopting_branches = 1 WHERE id = ?", m3);
        long m1a2 = adopt(m1, a2, "2025-07-01");
        long m1b1 = adopt(m1, b1, "2025-07-02");
        adopt(m3, a1, "2025-08-01");
        jdbc.update("UPDATE adoption SET stopped_at = ?, open_branch_id = NULL WHERE id = ?", ts("2025-08-01"), m1b1);
        report(m1a2, 4, "2025-07-15");
        report(m1a2, 5, "2025-08-15");
        report(m1b1, 2, "2025-07-20");
    }

    @Test
    void methodsPerCategoryDepartmentAndStatusCountMethodsCreatedInThePeriodWithoutChangeRequests() {
        var year = query(null, Y2025, Y2026);

        assertThat(statistics.countMethods(year)).containsExactly(
                new MethodCount("COHESION", "IN_REVIEW", deptA, "sm-甲部", 1),
                new MethodCount("COHESION", "PUBLISHED", deptA, "sm-甲部", 1),
                new MethodCount("PARTY_BUILDING", "PUBLISHED", deptB, "sm-乙部", 1));
        assertThat(statistics.countPublishedByCategory(year)).containsExactly(
                new Count("COHESION", "COHESION", 1), new Count("PARTY_BUILDING", "PARTY_BUILDING", 1));
        assertThat(statistics.countMethods(new StatisticsQuery(List.of(deptA, deptB), null, null, null)))
                .as("all time: the draft of 2024 too")
                .contains(new MethodCount("URGENT_TASKS", "DRAFT", deptA, "sm-甲部", 1));
        assertThat(statistics.countMethods(query("PARTY_BUILDING", Y2025, Y2026)))
                .containsExactly(new MethodCount("PARTY_BUILDING", "PUBLISHED", deptB, "sm-乙部", 1));
        assertThat(statistics.countMethods(new StatisticsQuery(List.of(deptB), null, Y2025, Y2026)))
                .extracting(MethodCount::departmentId).containsOnly(deptB);
        assertThat(statistics.countPublishedByCategory(new StatisticsQuery(List.of(deptA), "PARTY_BUILDING", null, null)))
                .isEmpty();
    }

    @Test
    void methodsPerMonthOfCreationAndOfFirstPublication() {
        var year = query(null, Y2025, Y2026);

        assertThat(statistics.countCreatedPerMonth(year)).containsExactly(
                new MonthValue(202503, "", 2), new MonthValue(202505, "", 1));
        assertThat(statistics.countFirstPublishedPerMonth(year)).as("m1 counts in April, its first publication")
                .containsExactly(new MonthValue(202504, "", 1), new MonthValue(202505, "", 1));
        assertThat(statistics.countFirstPublishedPerMonth(query(null, Instant.parse("2025-05-01T00:00:00Z"), Y2026)))
                .containsExactly(new MonthValue(202505, "", 1));
    }

    @Test
    void reviewsPerMonthWithTheHoursWaitedSinceTheirRoundsSubmission() {
        var year = query(null, Y2025, Y2026);

        assertThat(statistics.countReviewsPerMonth(year)).as("change requests' reviews count too").containsExactly(
                new MonthValue(202504, "REQUEST_CHANGES", 1), new MonthValue(202505, "APPROVE", 1),
                new MonthValue(202506, "APPROVE", 1));
        assertThat(statistics.findReviewWaiting(year)).containsExactly(new MonthWaiting(202504, 24, 24),
                new MonthWaiting(202505, 72, 72), new MonthWaiting(202506, 48, 48));
        assertThat(statistics.findReviewWaiting(query("PARTY_BUILDING", Y2025, Y2026))).isEmpty();
        // without a department or category filter the reviews are read without their methods
        var everyone = new StatisticsQuery(null, null, Y2025, Y2026);
        assertThat(statistics.countReviewsPerMonth(everyone)).contains(new MonthValue(202504, "REQUEST_CHANGES", 1),
                new MonthValue(202506, "APPROVE", 1));
        assertThat(statistics.findReviewWaiting(everyone)).contains(new MonthWaiting(202505, 72, 72));
    }

    @Test
    void theWaitingTimesMedianAndNinetiethPercentileAreNearestRanks() {
        // June's waits: 48 hours (the change request's), then 1, 2.5 (counted as 2) and 100 hours
        long other = new OrganisationRows(departments, branches, accounts, at("2024-01-10"))
                .account("sm-other", "另一位审核人", b1);
        submit(m3, 1, "2025-06-10");
        reviewBy(m3, 1, other, "2025-06-10T13:00:00Z");
        reviewBy(m3, 1, user, "2025-06-10T14:30:00Z");
        submit(m4, 1, "2025-06-11");
        reviewBy(m4, 1, user, "2025-06-15T16:00:00Z");

        assertThat(statistics.findReviewWaiting(query(null, Instant.parse("2025-06-01T00:00:00Z"), Y2026)))
                .containsExactly(new MonthWaiting(202506, 2, 100));
    }

    @Test
    void rubricAveragesPerCategoryOfTheReviewedMethods() {
        List<Statistics.RubricRow> rubric = statistics.rubricByCategory(query(null, Y2025, Y2026));

        assertThat(rubric).hasSize(1);
        Statistics.RubricRow cohesion = rubric.getFirst();
        assertThat(cohesion.category()).isEqualTo("COHESION");
        assertThat(cohesion.reviews()).isEqualTo(3);
        assertThat(cohesion.regularity()).isCloseTo(4.0, within(1e-9));
        assertThat(cohesion.creativity()).isCloseTo(11 / 3.0, within(1e-9));
    }

    @Test
    void mostAdoptedAdoptionByDepartmentAndOutcomeRatings() {
        var year = query(null, Y2025, Y2026);

        assertThat(statistics.findMostAdopted(year, 10)).containsExactly(
                new AdoptedMethod(m1, "“五对接”工作法", "sm-甲部", 2), new AdoptedMethod(m3, "支点", "sm-乙部", 1));
        assertThat(statistics.findMostAdopted(new StatisticsQuery(List.of(deptB), null, null, null), 10))
                .extracting(AdoptedMethod::methodId).containsExactly(m3);
        assertThat(statistics.findMostAdopted(year, 1)).extracting(AdoptedMethod::methodId).containsExactly(m1);

        assertThat(statistics.adoptionByDepartment(year)).containsExactly(
                new DepartmentAdoption(deptA, "sm-甲部", 2, 2, 2, 2), new DepartmentAdoption(deptB, "sm-乙部", 1, 0, 1, 1));
        assertThat(statistics.adoptionByDepartment(query("PARTY_BUILDING", Y2025, Y2026)))
                .containsExactly(new DepartmentAdoption(deptA, "sm-甲部", 1, 1, 1, 1));
        var everyone = new StatisticsQuery(null, null, Y2025, Y2026);
        assertThat(statistics.adoptionByDepartment(everyone)).contains(
                new DepartmentAdoption(deptB, "sm-乙部", 1, 0, 1, 1));
        List<Long> allDepartments = jdbc.queryForList("SELECT id FROM department", Long.class);
        assertThat(statistics.countRatings(everyone)).as("without a filter, the reports alone are read")
                .isNotEmpty()
                .isEqualTo(statistics.countRatings(new StatisticsQuery(allDepartments, null, Y2025, Y2026)));
        assertThat(statistics.countRatings(year)).containsExactly(
                new RatingCount(2, 1), new RatingCount(4, 1), new RatingCount(5, 1));
        assertThat(statistics.countRatings(new StatisticsQuery(List.of(deptA), null, Y2025,
                Instant.parse("2025-08-01T00:00:00Z")))).containsExactly(new RatingCount(4, 1));
    }

    @Test
    void aReviewKeepsTheSubmissionOfItsRound() {
        assertThat(submittedAt(m2, 1)).isEqualTo(at("2025-04-01"));
        assertThat(submittedAt(m2, 2)).isEqualTo(at("2025-05-01"));
        // a late review of a round the proposal has left knows no submission, and no wait is counted
        reviewBy(m2, 1, new OrganisationRows(departments, branches, accounts, at("2024-01-10"))
                .account("sm-late", "迟到的审核人", a2), "2025-05-20T12:00:00Z");
        assertThat(jdbc.queryForList("SELECT submitted_at FROM review WHERE method_id = ? AND review_round = 1",
                OffsetDateTime.class, m2)).hasSize(2).containsOnlyOnce((OffsetDateTime) null);
        assertThat(statistics.findReviewWaiting(query(null, Y2025, Y2026)))
                .contains(new MonthWaiting(202505, 72, 72));
    }

    // ---- rows

    private StatisticsQuery query(String category, Instant from, Instant to) {
        return new StatisticsQuery(List.of(deptA, deptB), category, from, to);
    }

    private long method(Category category, long department, long branch, MethodStatus status, String day,
                        Long changeOf, String title) {
        var key = new GeneratedKey();
        methods.insert(new NewMethod(null, category, department, branch, user, status, null, at(day), changeOf, null),
                key);
        jdbc.update("INSERT INTO method_revision (method_id, n, title, category, problem, author_id, created_at, "
                + "status_at_creation) VALUES (?, 1, ?, ?, '问题', ?, ?, 'DRAFT')", key.getId(), title, category.name(),
                user, ts(day));
        long revision = jdbc.queryForObject("SELECT id FROM method_revision WHERE method_id = ?", Long.class, key.getId());
        jdbc.update("UPDATE method SET latest_revision_id = ?, title = ? WHERE id = ?", revision, title, key.getId());
        return key.getId();
    }

    /** Records a publication of the latest revision through the mapper, which keeps the method's first one. */
    private void publish(long method, String day) {
        long revision = revision(method);
        methods.insertPublication(method, revision, at(day), user, method, 1);
        // a second publication of the same revision is not possible (primary key): give it a new one
        jdbc.update("INSERT INTO method_revision (method_id, n, title, category, problem, author_id, created_at, "
                + "status_at_creation) SELECT method_id, n + 1, title, category, problem, author_id, created_at, "
                + "status_at_creation FROM method_revision WHERE id = ?", revision);
        jdbc.update("UPDATE method SET latest_revision_id = (SELECT MAX(id) FROM method_revision WHERE method_id = ?) "
                + "WHERE id = ?", method, method);
    }

    private void submit(long method, int round, String day) {
        jdbc.update("UPDATE method SET review_round = ?, submitted_at = ? WHERE id = ?", round, ts(day), method);
    }

    /** A review as the review service records it (which keeps the round's submission). */
    private void review(long method, int round, String decision, String day, int... scores) {
        reviews.insert(new NewReview(method, revision(method), round, user, Decision.valueOf(decision),
                new Scores(scores[0], scores[1], scores[2], scores[3], scores[4], scores[5]), null, at(day)),
                new ReviewKey());
    }

    private void reviewBy(long method, int round, long reviewer, String at) {
        reviews.insert(new NewReview(method, revision(method), round, reviewer, Decision.APPROVE,
                new Scores(4, 4, 4, 4, 4, 4), null, Instant.parse(at)), new ReviewKey());
    }

    private long adopt(long method, long branch, String day) {
        var key = new AdoptionKey();
        adoptions.insert(method, branch, user, LocalDate.parse(day), null, at(day), key);
        return key.getId();
    }

    private void report(long adoption, int rating, String day) {
        adoptions.insertReport(adoption, AdoptionStatus.EFFECTIVE, "见效", rating, 5, user, at(day), new AdoptionKey());
    }

    private long revision(long method) {
        return jdbc.queryForObject("SELECT latest_revision_id FROM method WHERE id = ?", Long.class, method);
    }

    private Instant submittedAt(long method, int round) {
        return jdbc.queryForObject("SELECT submitted_at FROM review WHERE method_id = ? AND review_round = ?",
                OffsetDateTime.class, method, round).toInstant();
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T12:00:00Z");
    }

    private static OffsetDateTime ts(String day) {
        return at(day).atOffset(ZoneOffset.UTC);
    }
}
