package org.methodportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.methodportal.account.AccountFilter;
import org.methodportal.account.AccountService;
import org.methodportal.account.AccountSummary;
import org.methodportal.account.Branch;
import org.methodportal.account.BranchFilter;
import org.methodportal.account.Department;
import org.methodportal.account.OrganisationService;
import org.methodportal.account.persistence.AccountMapper;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.Role;
import org.methodportal.shared.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.util.FileSystemUtils;

/**
 * How fast the administration lists answer at target scale (100 departments, 16,000 branches,
 * 300,000 accounts): each case is what a grid asks for when it shows a page, a page query plus a
 * count, through the real services. Not a test: it prints a Markdown table and asserts no timing.
 * Run it as docs/benchmarks.md says; H2 in file mode by default, PostgreSQL with
 * {@code -Dportal.test.db=postgres}.
 */
@Tag("benchmark")
@ExtendWith(TestDatabase.Availability.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"spring.config.location=classpath:/", "portal.seed.demo=false"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = OrganisationScaleBenchmark.Database.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationScaleBenchmark {

    private static final Path DATA = Path.of(System.getProperty("portal.bench.data", "/tmp/bench-data"));
    private static final Path H2_DIR = Path.of("target/bench-h2").toAbsolutePath();
    private static final int WARM_UP = 5;
    private static final int REPETITIONS = 20;
    private static final int PAGE_SIZE = 50;

    @Autowired
    SystemAuthentication system;
    @Autowired
    AccountService accounts;
    @Autowired
    OrganisationService organisation;
    @Autowired
    DataSource dataSource;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    AccountMapper accountMapper;

    long departmentId;
    long branchId;

    @BeforeAll
    void loadCorpus() throws SQLException {
        if (!Files.isRegularFile(DATA.resolve("users.jsonl"))) {
            throw new IllegalStateException("No corpus in " + DATA + ": run src/test/resources/bench/gen_corpus.py --methods 10"
                    + " --departments 100 --branches 16000 --users 300000 --out " + DATA + " (or set -Dportal.bench.data)");
        }
        long start = System.nanoTime();
        // One hash for every account: 300,000 bcrypt rounds would take longer than the whole benchmark.
        CorpusLoader.Sizes sizes = CorpusLoader.load(dataSource, DATA, passwordEncoder.encode("benchmark-password"));
        System.out.printf("%nLoaded %s into %s in %d s%n", sizes, database(), (System.nanoTime() - start) / 1_000_000_000);
        // A department and a branch of typical size (160 branches, about 19 accounts) to filter by.
        var jdbc = new JdbcTemplate(dataSource);
        departmentId = jdbc.queryForObject("SELECT id FROM department WHERE name = '某部规划司'", Long.class);
        branchId = jdbc.queryForObject("SELECT id FROM branch WHERE department_id = ? AND name = '调研处3党支部'",
                Long.class, departmentId);
    }

    @Test
    void administrationLists() {
        List<Case> cases = List.of(
                accountCase("accounts, unfiltered", AccountFilter.none()),
                accountCase("accounts, display name 王芳", text("王芳")),
                accountCase("accounts, pinyin initials wf", text("wf")),
                accountCase("accounts, login part u1234", text("u1234")),
                accountCase("accounts, department", new AccountFilter(null, departmentId, null, null, null)),
                accountCase("accounts, branch", new AccountFilter(null, null, branchId, null, null)),
                // The rarest and the commonest role: 0.2 % and 94 % of the accounts.
                accountCase("accounts, role REVIEWER", new AccountFilter(null, null, null, Role.REVIEWER, null)),
                accountCase("accounts, role MEMBER", new AccountFilter(null, null, null, Role.MEMBER, null)),
                // Scrolling a grid fetches pages only; it counted when the filter was set.
                new Case("accounts, page at offset 100,000", () -> accounts.find(AccountFilter.none(),
                        new PageRequest(100_000, PAGE_SIZE, "displayName", true)), null),
                branchCase("branches, unfiltered", BranchFilter.none()),
                branchCase("branches, department", new BranchFilter(null, departmentId, null)),
                branchCase("branches, name 综合处", new BranchFilter("综合处", null, null)),
                new Case("departments", () -> organisation.findDepartments(null, null, firstPage("name")),
                        () -> organisation.countDepartments(null, null)));

        printTable(cases);
    }

    /**
     * The "@" autocomplete of comment editors: one {@code mentionCandidates} call per
     * keystroke, up to 8 accounts, prefix matches first. A query with fewer than 8 prefix matches
     * runs a second, "contains" query, so the rare ones are the slow ones.
     */
    @Test
    void mentionAutocomplete() {
        List<Case> cases = List.of(
                mentionCase("mentions, empty (first by name)", ""),
                mentionCase("mentions, surname 王", "王"),
                mentionCase("mentions, name 王芳", "王芳"),
                mentionCase("mentions, pinyin initials wf", "wf"),
                mentionCase("mentions, full pinyin wangfang", "wangfang"),
                mentionCase("mentions, login u123456 (1 match)", "u123456"),
                mentionCase("mentions, given name 芳 (no prefix match)", "芳"));
        printTable(cases);
    }

    /**
     * What a signed-in session costs once what it remembered of its account's security stamp is
     * older than {@code portal.account.session-check-interval}: one read by primary key, outside a
     * transaction, as the request filter makes it. A run reads 1,000 accounts spread over all of
     * them (a fixed random sample), so the table's times are per 1,000 reads. The reference is the
     * cheapest statement there is, {@code SELECT 1}, 1,000 times through the same pool.
     */
    @Test
    void sessionStampReads() {
        var jdbc = new JdbcTemplate(dataSource);
        List<Long> all = new ArrayList<>(jdbc.queryForList("SELECT id FROM account", Long.class));
        Collections.shuffle(all, new Random(7));
        List<Long> sample = all.subList(0, 1_000);
        printTable(List.of(
                new Case("reference: 1,000 × SELECT 1", () -> sample.stream()
                        .map(id -> jdbc.queryForObject("SELECT 1", Integer.class)).toList(), null),
                new Case("session stamp, 1,000 reads by id", () -> sample.stream()
                        .map(id -> accountMapper.findSecurityState(id).orElseThrow()).toList(), null)));
    }

    private void printTable(List<Case> cases) {
        var table = new StringBuilder("""
                | case (%s) | rows / total | page median | count median | **median** | p95 |
                |---|---:|---:|---:|---:|---:|
                """.formatted(database()));
        for (Case c : cases) {
            table.append(system.callAsSystem(() -> measure(c))).append('\n');
        }
        System.out.printf("%n%d runs after %d warm-up runs, times in ms:%n%n%s%n", REPETITIONS, WARM_UP, table);
    }

    private Case mentionCase(String name, String typed) {
        return new Case(name, () -> accounts.mentionCandidates(typed), null);
    }

    /** One grid request: a page and (when the filter changed) a count; returns its table row. */
    record Case(String name, Supplier<List<?>> page, @Nullable LongSupplier count) {
    }

    private String measure(Case c) {
        for (int i = 0; i < WARM_UP; i++) {
            c.page().get();
            if (c.count() != null) {
                c.count().getAsLong();
            }
        }
        double[] pageMs = new double[REPETITIONS];
        double[] countMs = new double[REPETITIONS];
        double[] totalMs = new double[REPETITIONS];
        int rows = 0;
        long total = -1;
        for (int i = 0; i < REPETITIONS; i++) {
            long start = System.nanoTime();
            rows = c.page().get().size();
            long paged = System.nanoTime();
            total = c.count() == null ? total : c.count().getAsLong();
            long end = System.nanoTime();
            pageMs[i] = (paged - start) / 1e6;
            countMs[i] = (end - paged) / 1e6;
            totalMs[i] = (end - start) / 1e6;
        }
        // A filter that matches nothing would be fast and prove nothing.
        assertThat(rows).as(c.name()).isPositive();
        return "| %s | %d / %s | %.1f | %s | **%.1f** | %.1f |".formatted(c.name(), rows,
                total < 0 ? "—" : String.valueOf(total), Timings.median(pageMs),
                c.count() == null ? "—" : "%.1f".formatted(Timings.median(countMs)), Timings.median(totalMs),
                Timings.p95(totalMs));
    }

    private Case accountCase(String name, AccountFilter filter) {
        Supplier<List<?>> find = () -> accounts.find(filter, firstPage("displayName"));
        return new Case(name, find, () -> accounts.count(filter));
    }

    private Case branchCase(String name, BranchFilter filter) {
        Supplier<List<?>> find = () -> organisation.findBranches(filter, firstPage("name"));
        return new Case(name, find, () -> organisation.countBranches(filter));
    }

    private static AccountFilter text(String text) {
        return new AccountFilter(text, null, null, null, null);
    }

    /** The grids' first request: 50 rows in the list's default order (the API's default sort key). */
    private static PageRequest firstPage(String sortKey) {
        return new PageRequest(0, PAGE_SIZE, sortKey, true);
    }

    private static String database() {
        return TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file";
    }

    /**
     * PostgreSQL: the throwaway database of {@link TestDatabase}, dropped when the JVM exits. H2: a
     * fresh file database under target/ with the embedded setup's URL options, so that it behaves
     * like ./data/portal (pages on disk and a cache, not in-memory tables).
     */
    static final class Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (TestDatabase.isPostgres()) {
                new TestDatabase.Initializer().initialize(context);
                return;
            }
            try {
                FileSystemUtils.deleteRecursively(H2_DIR);
            } catch (IOException e) {
                throw new IllegalStateException("cannot clear " + H2_DIR, e);
            }
            // OPTIMIZE_REUSE_RESULTS off: H2 would hand back the previous result of an identical
            // query on an unchanged database, and the repetitions would time that cache. The plan
            // cache and the page cache (CACHE_SIZE) are the application's (application.yaml).
            String url = "jdbc:h2:file:" + H2_DIR.resolve("portal")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;OPTIMIZE_REUSE_RESULTS=FALSE"
                    + ";QUERY_CACHE_SIZE=128;QUERY_TIMEOUT=30000;CACHE_SIZE=65536";
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark-database",
                    Map.of("spring.datasource.url", url, "spring.datasource.username", "sa",
                            "spring.datasource.password", "")));
        }
    }
}
