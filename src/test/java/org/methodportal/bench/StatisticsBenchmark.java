package org.methodportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.shared.TestDatabase;
import org.methodportal.statistics.Statistics;
import org.methodportal.statistics.StatisticsFilter;
import org.methodportal.statistics.StatisticsFilter.Period;
import org.methodportal.statistics.StatisticsService;
import org.methodportal.statistics.persistence.StatisticsMapper;
import org.methodportal.statistics.persistence.StatisticsQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast the statistics dashboards answer with the 100,000 generated methods
 * ({@link MethodCorpusLoader}, methods created 2012–2025) plus, generated here, a review with its
 * round's submission for every method that left draft, and adoptions with a report for one
 * published method in five. Each figure's query is timed over all time and all departments (the
 * heaviest case), then whole dashboards as the service builds them for an administrator and for a
 * reviewer of five departments; the reference, measured in the same run, is a COUNT(*) of the
 * methods that scans them. Not a test: it prints a Markdown table and the load average, and asserts
 * no timing. Run it as docs/benchmarks.md says.
 */
@Tag("benchmark")
@ExtendWith(TestDatabase.Availability.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"spring.config.location=classpath:/", "portal.seed.demo=false"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = OrganisationScaleBenchmark.Database.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsBenchmark {

    private static final Path DATA = Path.of(System.getProperty("portal.bench.data", "/tmp/bench-100k"));
    private static final int WARM_UP = 3;
    private static final int REPETITIONS = 10;
    private static final int BATCH = 5_000;

    @Autowired
    DataSource dataSource;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    SystemAuthentication system;
    @Autowired
    StatisticsService statistics;
    @Autowired
    StatisticsMapper mapper;
    @Autowired
    PlatformTransactionManager transactions;

    JdbcTemplate jdbc;
    PortalUser reviewer;
    long reviews;
    long adoptions;

    @BeforeAll
    void load() throws SQLException {
        Timings.requireAssertionsOff();
        MethodCorpusLoader.loadWithOrganisation(dataSource, DATA, passwordEncoder.encode("benchmark-password"),
                database());
        jdbc = new JdbcTemplate(dataSource);
        long start = System.nanoTime();
        long reviewerId = jdbc.queryForObject("SELECT MIN(id) FROM account", Long.class);
        List<Long> branches = jdbc.queryForList("SELECT id FROM branch ORDER BY id", Long.class);
        List<Object[]> reviewRows = new ArrayList<>();
        List<Object[]> adoptionRows = new ArrayList<>();
        String[] decisions = {"APPROVE", "APPROVE", "REQUEST_CHANGES", "REJECT"};
        jdbc.query("SELECT id, latest_revision_id, status, created_at, origin_branch_id FROM method "
                + "WHERE status <> 'DRAFT' ORDER BY id", rs -> {
            long id = rs.getLong(1);
            OffsetDateTime created = rs.getObject(4, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
            OffsetDateTime submitted = created.plusHours(2);
            // waits from 1 hour to about 6 weeks, spread over the methods
            OffsetDateTime decided = submitted.plusHours(1 + (id * 37) % 1_000);
            reviewRows.add(new Object[] {id, rs.getLong(2), reviewerId, decisions[(int) (id % 4)],
                    1 + (int) (id % 5), 1 + (int) (id / 5 % 5), 1 + (int) (id / 25 % 5), 1 + (int) (id / 7 % 5),
                    1 + (int) (id / 11 % 5), 1 + (int) (id / 13 % 5), decided, submitted});
            if ("PUBLISHED".equals(rs.getString(3)) && id % 5 == 0) {
                for (int n = 0; n <= id % 3; n++) {
                    long branch = branches.get((int) ((id * 7 + n * 4_001) % branches.size()));
                    adoptionRows.add(new Object[] {id, branch, branch, reviewerId,
                            java.sql.Date.valueOf(decided.plusDays(30).toLocalDate()), decided.plusDays(30)});
                }
            }
        });
        batches("INSERT INTO review (method_id, revision_id, review_round, reviewer_id, decision, regularity, pertinence, "
                + "operability, adaptability, exemplarity, creativity, created_at, submitted_at) "
                + "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reviewRows);
        batches("INSERT INTO adoption (method_id, branch_id, open_branch_id, adopted_by, started_on, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", adoptionRows);
        jdbc.update("INSERT INTO adoption_report (adoption_id, status, outcome, rating, reported_by, reported_at) "
                + "SELECT a.id, 'EFFECTIVE', '见效', 1 + MOD(a.id, 5), a.adopted_by, a.created_at FROM adoption a");
        // what the adoption service keeps on the method row; counted here (H2 takes minutes for the
        // correlated UPDATE over 100,000 rows)
        Map<Long, Integer> adopting = new HashMap<>();
        adoptionRows.forEach(row -> adopting.merge((Long) row[0], 1, Integer::sum));
        batches("UPDATE method SET adopting_branches = ? WHERE id = ?", adopting.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
        if (TestDatabase.isPostgres()) {
            // what autovacuum does within a minute of such a load
            jdbc.execute("ANALYZE");
        }
        reviews = reviewRows.size();
        adoptions = adoptionRows.size();
        List<Long> five = jdbc.queryForList("SELECT id FROM department ORDER BY id LIMIT 5", Long.class);
        reviewer = new PortalUser(reviewerId, "bench-reviewer", "审核人", null, true, branches.getFirst(), five.getFirst(),
                Set.of(Role.MEMBER, Role.REVIEWER), Set.copyOf(five), Locale.SIMPLIFIED_CHINESE);
        System.out.printf("%nGenerated %d reviews (with submissions) and %d adoptions (with a report each) in %d s%n",
                reviews, adoptions, (System.nanoTime() - start) / 1_000_000_000);
    }

    @Test
    void dashboardsAtOneHundredThousandMethods() {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        var all = new StatisticsQuery(null, null, null, null);
        StringBuilder table = new StringBuilder("""
                | case (%s) | rows | median | p95 | ratio to reference |
                |---|---:|---:|---:|---:|
                """.formatted(database()));
        // a scan of the methods: a bare COUNT(*) is answered from H2's metadata without reading a row
        double[] reference = measure(() -> jdbc.queryForList(
                "SELECT COUNT(*) FROM method WHERE change_of_method_id IS NULL"));
        double ref = Timings.median(reference);
        table.append(Timings.row("reference: COUNT(*) of the methods (a scan)", 1, reference, ref));
        table.append(Timings.row("published per category (the summary)", mapper.countPublishedByCategory(all).size(),
                measure(() -> mapper.countPublishedByCategory(all)), ref));
        table.append(Timings.row("most adopted (top 10)", 10, measure(() -> mapper.findMostAdopted(all, 10)), ref));
        table.append(Timings.row("methods per category, status and department", mapper.countMethods(all).size(),
                measure(() -> mapper.countMethods(all)), ref));
        table.append(Timings.row("created per month", mapper.countCreatedPerMonth(all).size(),
                measure(() -> mapper.countCreatedPerMonth(all)), ref));
        table.append(Timings.row("first published per month", mapper.countFirstPublishedPerMonth(all).size(),
                measure(() -> mapper.countFirstPublishedPerMonth(all)), ref));
        table.append(Timings.row("reviews per month and decision", mapper.countReviewsPerMonth(all).size(),
                measure(() -> mapper.countReviewsPerMonth(all)), ref));
        table.append(Timings.row("review waiting time per month (median, p90)", mapper.findReviewWaiting(all).size(),
                measure(() -> mapper.findReviewWaiting(all)), ref));
        table.append(Timings.row("rubric averages per category", 6, measure(() -> mapper.rubricByCategory(all)), ref));
        table.append(Timings.row("adoption per department", mapper.adoptionByDepartment(all).size(),
                measure(() -> mapper.adoptionByDepartment(all)), ref));
        table.append(Timings.row("outcome ratings", 5, measure(() -> mapper.countRatings(all)), ref));

        // the administrator's ten queries, one after the other in one read-only transaction, as the service runs them
        var readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        table.append(Timings.row("the ten queries in one read-only transaction", 10, measure(() -> readOnly.execute(t -> {
            mapper.countMethods(all);
            mapper.findMostAdopted(all, 10);
            mapper.countCreatedPerMonth(all);
            mapper.countFirstPublishedPerMonth(all);
            mapper.countReviewsPerMonth(all);
            mapper.findReviewWaiting(all);
            mapper.rubricByCategory(all);
            mapper.countRatings(all);
            return mapper.adoptionByDepartment(all);
        })), ref));
        var allTime = new StatisticsFilter(null, null, Period.ALL, null, null);
        var year = StatisticsFilter.parse(null, null, "2025-01", "2025-12", null);
        Statistics admin = system.callAsSystem(() -> statistics.dashboard(allTime));
        assertThat(admin.detail()).isNotNull();
        assertThat(admin.detail().methods()).isEqualTo(100_000);
        assertThat(admin.detail().reviews().stream().mapToLong(Statistics.ReviewMonth::decided).sum()).isEqualTo(reviews);
        table.append(Timings.row("whole dashboard, administrator, all time", admin.detail().months().size(),
                measure(() -> List.of(system.callAsSystem(() -> statistics.dashboard(allTime)))), ref));
        table.append(Timings.row("whole dashboard, administrator, 2025", 12,
                measure(() -> List.of(system.callAsSystem(() -> statistics.dashboard(year)))), ref));
        Statistics five = system.callAs(reviewer, () -> statistics.dashboard(allTime));
        assertThat(five.scope()).isEqualTo(Statistics.Scope.REVIEWED_DEPARTMENTS);
        table.append(Timings.row("whole dashboard, reviewer of 5 departments, all time", five.detail().months().size(),
                measure(() -> List.of(system.callAs(reviewer, () -> statistics.dashboard(allTime)))), ref));
        PortalUser member = new PortalUser(reviewer.id(), "bench-member", "党员", null, true, reviewer.branchId(),
                reviewer.departmentId(), Set.of(Role.MEMBER), Set.of(), Locale.SIMPLIFIED_CHINESE);
        table.append(Timings.row("summary, member, all time", 1,
                measure(() -> List.of(system.callAs(member, () -> statistics.dashboard(allTime)))), ref));
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("%n%d reviews, %d adoptions; %d runs after %d warm-up runs, times in ms; load average %.1f → %.1f:"
                + "%n%n%s%n", reviews, adoptions, REPETITIONS, WARM_UP, loadBefore, loadAfter, table);
    }

    private void batches(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
    }

    private static double[] measure(Supplier<List<?>> run) {
        return Timings.measure(run, WARM_UP, REPETITIONS);
    }

    private static String database() {
        return TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file";
    }
}
