package org.methodportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.methodportal.method.Category;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.TestDatabase;
import org.methodportal.shared.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * How fast browsing and reading methods answer with 100,000 methods (and the organisation of
 * {@link OrganisationScaleBenchmark}): each case is what the browse grid, the method page or the
 * REST API asks of {@link MethodService}, for two viewers, because the visibility rule is part of
 * the browse SQL: a reviewer of five departments and a plain member. Not a test: it prints a
 * Markdown table and asserts no timing. Run it as docs/benchmarks.md says.
 */
@Tag("benchmark")
@ExtendWith(TestDatabase.Availability.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"spring.config.location=classpath:/", "portal.seed.demo=false"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = OrganisationScaleBenchmark.Database.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MethodScaleBenchmark {

    /** A generated reviewer (every 500th account after the secretaries); the loader gives them five departments. */
    static final String REVIEWER = "u016000";
    /** A generated member with no role but MEMBER. */
    static final String MEMBER = "u016001";

    static final Path DATA = Path.of(System.getProperty("portal.bench.data", "/tmp/bench-methods"));
    private static final int WARM_UP = 5;
    private static final int REPETITIONS = 20;
    private static final int PAGE_SIZE = 50;
    private static final PageRequest FIRST_PAGE = new PageRequest(0, PAGE_SIZE, "updatedAt", false);

    @Autowired
    MethodService methods;
    @Autowired
    DataSource dataSource;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    long departmentId;
    long authorId;
    long methodId;

    @BeforeAll
    void loadCorpus() throws SQLException {
        MethodCorpusLoader.loadWithOrganisation(dataSource, DATA, passwordEncoder.encode("benchmark-password"),
                database());
        var jdbc = new JdbcTemplate(dataSource);
        // A department outside the reviewer's five, so that both viewers see only its public methods.
        departmentId = jdbc.queryForObject("SELECT id FROM department WHERE name = '某部规划司'", Long.class);
        // An ordinary secretary: the owner of some method in the middle of the corpus.
        authorId = jdbc.queryForObject("SELECT owner_id FROM method WHERE id = 50001", Long.class);
        // A published method with three revisions, for the page and the diff.
        methodId = jdbc.queryForObject("""
                SELECT MIN(m.id) FROM method m JOIN method_revision r ON r.id = m.latest_revision_id
                WHERE m.status = 'PUBLISHED' AND r.n = 3""", Long.class);
    }

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
    }

    @Test
    void browsingAndReading() {
        var table = new StringBuilder("""
                | case (%s) | viewer | rows / total | page median | count median | **median** | p95 |
                |---|---|---:|---:|---:|---:|---:|
                """.formatted(database()));
        for (String viewer : List.of(REVIEWER, MEMBER)) {
            TestUsers.signInAs(users, securityContexts, viewer);
            for (Case c : cases()) {
                String row = measure(c, viewer.equals(REVIEWER) ? "reviewer" : "member");
                System.out.println(row);
                table.append(row).append('\n');
            }
        }
        TestUsers.signInAs(users, securityContexts, MethodCorpusLoader.BUSY_AUTHOR);
        table.append(measure(new Case("my drafts of a busy author", () -> methods.myDrafts(FIRST_PAGE).content(), null),
                "author")).append('\n');
        System.out.printf("%n%d runs after %d warm-up runs, times in ms:%n%n%s%n", REPETITIONS, WARM_UP, table);
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>(List.of(
                browse("unfiltered, first page", MethodFilter.ALL),
                // Scrolling fetches pages only; the grid counted when the filter was set.
                new Case("unfiltered, page at offset 50,000",
                        () -> methods.find(MethodFilter.ALL, new PageRequest(50_000, PAGE_SIZE, "updatedAt", false)), null),
                browse("category", filter(Category.MASS_LINE, null, null, null, null, null)),
                browse("department", filter(null, departmentId, null, null, null, null)),
                browse("status PUBLISHED", filter(null, null, MethodStatus.PUBLISHED, null, null, null)),
                browse("status ARCHIVED", filter(null, null, MethodStatus.ARCHIVED, null, null, null)),
                browse("tag 关心关爱", filter(null, null, null, "关心关爱", null, null)),
                browse("author", filter(null, null, null, null, authorId, null)),
                browse("title text 青蓝", filter(null, null, null, null, null, "青蓝")),
                browse("category + status + tag", filter(Category.TEAM_BUILDING, null, MethodStatus.PUBLISHED, "青年干部",
                        null, null))));
        for (String key : List.of("updatedAt", "createdAt", "title", "category", "status", "department")) {
            for (boolean ascending : List.of(true, false)) {
                var page = new PageRequest(0, PAGE_SIZE, key, ascending);
                cases.add(new Case("sort " + key + (ascending ? " asc" : " desc"),
                        () -> methods.find(MethodFilter.ALL, page), null));
            }
        }
        cases.add(new Case("method page (get + revisions)", () -> {
            methods.get(methodId);
            return methods.revisions(methodId);
        }, null));
        cases.add(new Case("diff of revisions 1 and 3", () -> List.of(methods.diff(methodId, 1, 3)), null));
        return cases;
    }

    /** One request: a page and (when the filter changed) a count; returns its table row. */
    record Case(String name, Supplier<List<?>> page, @Nullable LongSupplier count) {
    }

    private Case browse(String name, MethodFilter filter) {
        return new Case(name, () -> methods.find(filter, FIRST_PAGE), () -> methods.count(filter).value());
    }

    private static MethodFilter filter(@Nullable Category category, @Nullable Long departmentId,
                                       @Nullable MethodStatus status, @Nullable String tag, @Nullable Long ownerId,
                                       @Nullable String text) {
        return new MethodFilter(category, departmentId, status, tag, ownerId, false, text);
    }

    private String measure(Case c, String viewer) {
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
        return "| %s | %s | %d / %s | %.1f | %s | **%.1f** | %.1f |".formatted(c.name(), viewer, rows,
                total < 0 ? "—" : String.valueOf(total), Timings.median(pageMs),
                c.count() == null ? "—" : "%.1f".formatted(Timings.median(countMs)), Timings.median(totalMs),
                Timings.p95(totalMs));
    }

    private static String database() {
        return TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file";
    }
}
