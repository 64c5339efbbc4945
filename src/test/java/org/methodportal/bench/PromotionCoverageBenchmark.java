package org.methodportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.methodportal.promotion.Coverage;
import org.methodportal.promotion.PromotionService;
import org.methodportal.promotion.persistence.PromotionMapper;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.shared.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * How fast a promotion's coverage answers at target scale: a promotion to all 16,000 branches of
 * 100 departments, 10,000 of them decided (6,000 adopting, 3,000 of those reported 见效), with a
 * secretary per branch. The reference, measured in the same run, is the least the coverage must do:
 * counting the enabled branches per department. Not a test: it prints a Markdown table and
 * asserts no timing. Run it as docs/benchmarks.md says (H2 file by default, PostgreSQL with
 * {@code -Dportal.test.db=postgres}).
 */
@Tag("benchmark")
@ExtendWith(TestDatabase.Availability.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"spring.config.location=classpath:/", "portal.seed.demo=false"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = OrganisationScaleBenchmark.Database.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromotionCoverageBenchmark {

    private static final int DEPARTMENTS = 100;
    private static final int BRANCHES_PER_DEPARTMENT = 160;
    private static final int DECIDED = 10_000;
    private static final int ADOPTING = 6_000;
    private static final int EFFECTIVE = 3_000;
    private static final int WARM_UP = 5;
    private static final int REPETITIONS = 30;
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    @Autowired
    DataSource dataSource;
    @Autowired
    SystemAuthentication system;
    @Autowired
    PromotionService promotions;
    @Autowired
    PromotionMapper mapper;

    JdbcTemplate jdbc;
    long promotion;
    long lastBranch;
    long lastDepartment;

    @BeforeAll
    void load() {
        Timings.requireAssertionsOff();
        jdbc = new JdbcTemplate(dataSource);
        long start = System.nanoTime();
        Timestamp at = Timestamp.from(T0);
        List<Object[]> departments = new ArrayList<>();
        for (int d = 1; d <= DEPARTMENTS; d++) {
            departments.add(new Object[] {"推广部门" + d, at});
        }
        jdbc.batchUpdate("INSERT INTO department (name, created_at) VALUES (?, ?)", departments);
        List<Long> departmentIds = jdbc.queryForList("SELECT id FROM department ORDER BY id", Long.class);
        List<Object[]> branches = new ArrayList<>();
        for (long department : departmentIds) {
            for (int b = 1; b <= BRANCHES_PER_DEPARTMENT; b++) {
                branches.add(new Object[] {department, "第" + b + "党支部", at});
            }
        }
        jdbc.batchUpdate("INSERT INTO branch (department_id, name, created_at) VALUES (?, ?, ?)", branches);
        List<Long> branchIds = jdbc.queryForList("SELECT id FROM branch ORDER BY id", Long.class);
        List<Object[]> accounts = new ArrayList<>();
        for (long branch : branchIds) {
            accounts.add(new Object[] {"s" + branch, "书记" + branch, "shuji", "{noop}x", branch, at});
        }
        jdbc.batchUpdate("INSERT INTO account (login, display_name, display_name_pinyin, password_hash, branch_id, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)", accounts);
        long author = jdbc.queryForObject("SELECT MIN(id) FROM account", Long.class);
        jdbc.update("INSERT INTO method (category, origin_department_id, origin_branch_id, owner_id, status, created_at, "
                + "updated_at, version) VALUES ('MASS_LINE', ?, ?, ?, 'PUBLISHED', ?, ?, 0)", departmentIds.getFirst(),
                branchIds.getFirst(), author, at, at);
        long method = jdbc.queryForObject("SELECT MAX(id) FROM method", Long.class);
        jdbc.update("INSERT INTO method_revision (method_id, n, title, category, problem, author_id, created_at, "
                + "status_at_creation) VALUES (?, 1, '“推广样板”工作法', 'MASS_LINE', '问题', ?, ?, 'PUBLISHED')", method, author, at);
        jdbc.update("UPDATE method SET title = '“推广样板”工作法', latest_revision_id = (SELECT MAX(id) FROM method_revision), "
                + "published_revision_id = (SELECT MAX(id) FROM method_revision) WHERE id = ?", method);
        jdbc.update("INSERT INTO promotion (method_id, message, all_branches, created_by, created_at) "
                + "VALUES (?, '请学习', TRUE, ?, ?)", method, author, at);
        promotion = jdbc.queryForObject("SELECT MAX(id) FROM promotion", Long.class);
        List<Object[]> decisions = new ArrayList<>();
        List<Object[]> adoptions = new ArrayList<>();
        for (int i = 0; i < DECIDED; i++) {
            // every 16th branch of 160,000 / 10,000: decisions spread over all departments
            long branch = branchIds.get(i * branchIds.size() / DECIDED);
            long secretary = jdbc.queryForObject("SELECT id FROM account WHERE branch_id = ?", Long.class, branch);
            boolean adopt = i < ADOPTING;
            decisions.add(new Object[] {promotion, branch, adopt ? "ADOPT" : "DECLINE", adopt ? null : "明年再学",
                    secretary, at});
            if (adopt) {
                adoptions.add(new Object[] {method, branch, branch, secretary, java.sql.Date.valueOf(LocalDate.of(2026, 6, 1)),
                        at});
            }
        }
        jdbc.batchUpdate("INSERT INTO promotion_decision (promotion_id, branch_id, decision, reason, decided_by, "
                + "decided_at) VALUES (?, ?, ?, ?, ?, ?)", decisions);
        jdbc.batchUpdate("INSERT INTO adoption (method_id, branch_id, open_branch_id, adopted_by, started_on, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", adoptions);
        List<Object[]> reports = new ArrayList<>();
        List<long[]> adopted = jdbc.query("SELECT id, adopted_by FROM adoption ORDER BY id",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
        for (int i = 0; i < adopted.size(); i++) {
            reports.add(new Object[] {adopted.get(i)[0], i < EFFECTIVE ? "EFFECTIVE" : "TRIAL", "见效", 4,
                    adopted.get(i)[1], at});
        }
        jdbc.batchUpdate("INSERT INTO adoption_report (adoption_id, status, outcome, rating, reported_by, reported_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", reports);
        if (TestDatabase.isPostgres()) {
            // what autovacuum does within a minute of such a load: without statistics the planner
            // takes the freshly filled tables for empty and joins them row by row (seconds per page)
            jdbc.execute("ANALYZE");
        }
        lastBranch = branchIds.getLast();
        lastDepartment = departmentIds.getLast();
        System.out.printf("%nLoaded %d departments, %d branches, %d decisions, %d adoptions into %s in %d s%n",
                departmentIds.size(), branchIds.size(), decisions.size(), adoptions.size(), database(),
                (System.nanoTime() - start) / 1_000_000_000);
    }

    @Test
    void coverageAtSixteenThousandBranches() {
        Coverage coverage = system.callAsSystem(() -> promotions.coverage(promotion));
        assertThat(coverage.total().targeted()).isEqualTo((long) DEPARTMENTS * BRANCHES_PER_DEPARTMENT);
        assertThat(coverage.total().decided()).isEqualTo(DECIDED);
        assertThat(coverage.total().adopted()).isEqualTo(ADOPTING);
        assertThat(coverage.total().effective()).isEqualTo(EFFECTIVE);
        String table = """
                | case (%s) | rows | median | p95 | ratio to reference |
                |---|---:|---:|---:|---:|
                """.formatted(database());
        double[] reference = measure(() -> jdbc.queryForList(
                "SELECT b.department_id, COUNT(*) FROM branch b WHERE b.enabled = TRUE GROUP BY b.department_id"));
        double referenceMedian = Timings.median(reference);
        table += Timings.row("reference: enabled branches per department", DEPARTMENTS, reference, referenceMedian);
        table += Timings.row("coverage per department and total", coverage.departments().size(),
                measure(() -> system.callAsSystem(() -> promotions.coverage(promotion).departments())), referenceMedian);
        table += Timings.row("branches not responded: first page of 50 + count", 50, measure(() -> system.callAsSystem(
                () -> promotions.pending(promotion, new PageRequest(0, 50, "name", true)).content())), referenceMedian);
        table += Timings.row("branches not responded: page at offset 5,000", 50, measure(() -> system.callAsSystem(
                () -> promotions.pending(promotion, new PageRequest(5_000, 50, "name", true)).content())), referenceMedian);
        table += Timings.row("a secretary's to-do: open promotions + count", 1, measure(() -> {
            mapper.countOpenTasks(lastBranch, lastDepartment);
            return mapper.findOpenTasks(lastBranch, lastDepartment, 5);
        }), referenceMedian);
        table += Timings.row("reach of a promotion to all branches", 1,
                measure(() -> List.of(mapper.countBranches(true, null))), referenceMedian);
        System.out.printf("%n%d runs after %d warm-up runs, times in ms:%n%n%s%n", REPETITIONS, WARM_UP, table);
    }

    private static double[] measure(Supplier<List<?>> run) {
        return Timings.measure(run, WARM_UP, REPETITIONS);
    }

    private static String database() {
        return TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file";
    }
}
