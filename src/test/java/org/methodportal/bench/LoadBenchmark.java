package org.methodportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.methodportal.account.ApiTokenScope;
import org.methodportal.account.ApiTokenService;
import org.methodportal.bench.LoadStats.Action;
import org.methodportal.search.EmbeddingBackfill;
import org.methodportal.search.SearchIndexer;
import org.methodportal.shared.TestDatabase;
import org.methodportal.shared.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The portal under a steady mixed load, as many people use it at once: the generated corpus
 * (100,000 methods by default) in the running server, {@code portal.bench.users} simulated users
 * (200) on virtual threads, each with personal API tokens of its own (a member's; a secretary's for
 * editing), calling the REST API on 127.0.0.1 with a think time between actions (uniform
 * 0.5–2.5 s) for {@code portal.bench.load-seconds} (600) after a warm-up (30 s). The mix: browse a
 * page of the method list 40 %, read a method 30 %, search 20 %, comment 5 %, edit a draft 5 %
 * ({@link SimulatedUser}). Beside them a headless Chromium times three pages every 20 s
 * ({@link PageSampler}). As in production, the outbox worker keeps the search index up to date and
 * search has its semantic leg, with the corpus's embeddings restored ({@link StoredEmbeddings}:
 * computed on the first run, which takes long at 100,000 methods) unless
 * {@code -Dportal.search.semantic.enabled=false}. Not a test: it prints Markdown tables (per action count, errors, p50/p95/p99,
 * throughput; load average, heap and RSS; page timings) and asserts only that the run did
 * something. Properties: {@code portal.bench.data}, {@code .users}, {@code .load-seconds},
 * {@code .warm-up-seconds}, {@code .think-ms=min,max}, {@code .browser-seconds} (0: no browser),
 * {@code .seed}; {@code -Dportal.test.db=postgres} for PostgreSQL.
 */
@Tag("benchmark")
@ExtendWith(TestDatabase.Availability.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.location=classpath:/", "portal.seed.demo=false",
                "portal.search.reindex-on-startup=never", "portal.search.outbox.worker-enabled=true"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = OrganisationScaleBenchmark.Database.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadBenchmark {

    static final Path DATA = Path.of(System.getProperty("portal.bench.data", "/tmp/bench-100k"));
    private static final int USERS = Integer.getInteger("portal.bench.users", 200);
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("portal.bench.load-seconds", 600));
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("portal.bench.warm-up-seconds", 30));
    private static final String THINK_MS = System.getProperty("portal.bench.think-ms", "500,2500");
    private static final Duration BROWSER_EVERY = Duration.ofSeconds(Integer.getInteger("portal.bench.browser-seconds", 20));
    private static final long SEED = Long.getLong("portal.bench.seed", 1);
    private static final String PASSWORD = "benchmark-password";
    /** Member-style searches: those of the search benchmark and a few more everyday ones. */
    static final List<String> QUERIES = Stream.concat(SearchFloorBenchmark.QUERIES.stream(),
            Stream.of("主题党日", "党员教育", "老党员", "调查研究", "廉政风险防控", "志愿服务", "结对帮扶", "读书班"))
            .toList();
    private static final Pattern QUOTED = Pattern.compile("“([^”]{2,})”");

    @Autowired
    DataSource dataSource;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    EmbeddingBackfill backfill;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @LocalServerPort
    int port;

    private long indexed;
    private long embeddings;
    private JdbcTemplate jdbc;

    @BeforeAll
    void loadCorpus() throws SQLException, InterruptedException {
        MethodCorpusLoader.loadWithOrganisation(dataSource, DATA, passwordEncoder.encode(PASSWORD), database());
        jdbc = new JdbcTemplate(dataSource);
        // As in production, search has its semantic leg unless -Dportal.search.semantic.enabled=false;
        // the corpus's stored embeddings are restored (computed and stored on the first run: slow).
        embeddings = backfill.status().enabled() ? StoredEmbeddings.restoreOrCompute(dataSource, DATA, backfill) : 0;
        long start = System.nanoTime();
        indexed = indexer.rebuild("benchmark");
        System.out.printf("Indexed %d methods in %d s%n", indexed, (System.nanoTime() - start) / 1_000_000_000);
    }

    @Test
    void mixedLoad() throws Exception {
        long[] think = think();
        // The first USERS members read; one more is the browser's. Generated members have no other role.
        List<String> members = jdbc.queryForList("""
                SELECT a.login FROM account a JOIN account_role r ON r.account_id = a.id
                WHERE r.role = 'MEMBER' ORDER BY a.login LIMIT ?""", String.class, USERS + 1);
        List<Secretary> secretaries = secretaries();
        assertThat(members).as("members in the corpus").hasSize(USERS + 1);
        assertThat(secretaries).as("secretaries in the corpus").hasSize(USERS);
        long tokenStart = System.nanoTime();
        List<String> memberTokens = members.subList(0, USERS).stream().map(this::bearer).toList();
        List<String> secretaryTokens = secretaries.stream().map(s -> bearer(s.login())).toList();
        long tokenMs = (System.nanoTime() - tokenStart) / 1_000_000;

        long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
        var plan = new LoadPlan(URI.create("http://127.0.0.1:" + port), ids("status IN ('PUBLISHED', 'ARCHIVED')"),
                ids("status = 'PUBLISHED'"), jdbc.queryForList("SELECT id FROM department ORDER BY id", Long.class),
                jdbc.queryForList("""
                        SELECT tag FROM method_tag GROUP BY tag ORDER BY COUNT(*) DESC, tag LIMIT 50""", String.class),
                titleWords(), jdbc.queryForList("""
                        SELECT a.login FROM method m JOIN account a ON a.id = m.owner_id WHERE m.status = 'PUBLISHED'
                        GROUP BY a.login ORDER BY COUNT(*) DESC, a.login LIMIT 50""", String.class),
                QUERIES, think[0], think[1], warmUpEnd, warmUpEnd + LOAD.toNanos());
        var stats = new LoadStats();
        String loadBefore = loadAverage();
        // The browser starts and signs in during the warm-up; it samples in the measured window only.
        String noBrowser = BROWSER_EVERY.isZero() ? "turned off (portal.bench.browser-seconds=0)"
                : PageSampler.missingBrowser();
        @Nullable PageSampler pages = noBrowser != null ? null : new PageSampler("http://127.0.0.1:" + port, members.get(USERS),
                PASSWORD, plan, BROWSER_EVERY);
        Thread sampler = pages == null ? null : Thread.ofPlatform().name("page-sampler").start(pages);
        var server = new ServerSampler(dataSource, warmUpEnd, plan.end());
        // A platform thread: at saturation a virtual one waits for a carrier and samples late.
        Thread serverSampler = Thread.ofPlatform().name("server-sampler").daemon().start(server);
        try (var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
             var people = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < USERS; u++) {
                Secretary secretary = secretaries.get(u);
                people.submit(new SimulatedUser(http, plan, stats, memberTokens.get(u), secretary.login(),
                        secretaryTokens.get(u), secretary.draft(), SEED * 1_000_003 + u));
            }
        }
        serverSampler.join();
        if (sampler != null) {
            sampler.join(TimeUnit.SECONDS.toMillis(120));
        }
        String loadAfter = loadAverage();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, String> process = processStatus();

        long withDrafts = secretaries.stream().filter(s -> s.draft() != null).count();
        var out = new StringBuilder();
        out.append("%n## LoadBenchmark%n%n`%s`%n%n".formatted(commandLine()));
        out.append(("%d methods (%d indexed, %s) in %s; %d simulated users on virtual threads, each with its own member and"
                + " secretary API token (%d tokens made in %d ms; %d secretaries edit a draft of their own, %d start one);"
                + " think time %d–%d ms; %d s measured after %d s warm-up; seed %d; %d processors%n%n").formatted(
                jdbc.queryForObject("SELECT COUNT(*) FROM method", Long.class), indexed,
                backfill.status().enabled() ? embeddings + " with embeddings" : "search lexical only", database(), USERS, 2 * USERS,
                tokenMs, withDrafts, USERS - withDrafts, think[0], think[1], LOAD.toSeconds(), WARM_UP.toSeconds(),
                SEED, Runtime.getRuntime().availableProcessors()));
        out.append(actionTable(stats));
        out.append("""

                | machine | value |
                |---|---|
                | load average before (1, 5, 15 min) | %s |
                | load average after | %s |
                | heap used / committed / max at the end | %d / %d / %d MB |
                | process RSS at the end (VmRSS; peak VmHWM); server, clients and all | %s (peak %s) |
                """.formatted(loadBefore, loadAfter, heap.getUsed() >> 20, heap.getCommitted() >> 20,
                heap.getMax() >> 20, process.getOrDefault("VmRSS", "?"), process.getOrDefault("VmHWM", "?")))
                .append(server.rows());
        out.append('\n').append(pages == null ? "Chromium page timings: none (" + noBrowser + ")\n"
                : pages.table(BROWSER_EVERY));
        List<String> errors = stats.firstErrors();
        if (!errors.isEmpty()) {
            out.append("\nFirst errors (%d in the warm-up):%n".formatted(stats.warmUpErrors()));
            errors.forEach(e -> out.append("- ").append(e.replace('\n', ' ')).append('\n'));
        }
        System.out.println(out);
        long done = Stream.of(Action.values()).mapToLong(a -> stats.latencies(a).length).sum();
        assertThat(done).as("successful actions").isPositive();
    }

    private String actionTable(LoadStats stats) {
        double seconds = LOAD.toSeconds();
        var table = new StringBuilder("""
                | action | REST calls | count | errors | p50 ms | p95 ms | p99 ms | max ms | per s |
                |---|---|---:|---:|---:|---:|---:|---:|---:|
                """);
        long allOk = 0;
        long allErrors = 0;
        List<double[]> every = new ArrayList<>();
        for (Action action : Action.values()) {
            double[] ms = stats.latencies(action);
            long errors = stats.errors(action);
            allOk += ms.length;
            allErrors += errors;
            every.add(ms);
            table.append(row(action.label, action.calls, ms, errors, seconds));
        }
        double[] all = every.stream().flatMapToDouble(java.util.Arrays::stream).sorted().toArray();
        table.append(row("**all**", "", all, allErrors, seconds));
        table.append("%nError rate: %.3f %% (%d of %d actions)%n".formatted(
                allOk + allErrors == 0 ? 0 : 100.0 * allErrors / (allOk + allErrors), allErrors, allOk + allErrors));
        return table.toString();
    }

    private static String row(String label, String calls, double[] ms, long errors, double seconds) {
        if (ms.length == 0) {
            return "| %s | %s | %d | %d | — | — | — | — | %.2f |%n".formatted(label, calls, errors, errors, errors / seconds);
        }
        return "| %s | %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.2f |%n".formatted(label, calls, ms.length + errors,
                errors, Timings.median(ms), Timings.p95(ms), Timings.p99(ms), ms[ms.length - 1],
                (ms.length + errors) / seconds);
    }

    /** A secretary of the corpus and, if they own one, a draft they edit. */
    private record Secretary(String login, @Nullable Long draft) {
    }

    /**
     * For every tenth simulated user a secretary without any method (they create a draft at their
     * first edit and revise it afterwards), for the others one who owns a draft (each edits their
     * first). Not the busy author, whose hundreds of methods would make their pages unlike anyone else's.
     */
    private List<Secretary> secretaries() {
        List<Secretary> owning = jdbc.query("""
                SELECT a.login, MIN(m.id) FROM method m JOIN account a ON a.id = m.owner_id
                WHERE m.status = 'DRAFT' AND m.change_of_method_id IS NULL AND a.login <> ?
                GROUP BY a.login ORDER BY a.login LIMIT ?""",
                (rs, n) -> new Secretary(rs.getString(1), rs.getLong(2)), MethodCorpusLoader.BUSY_AUTHOR,
                USERS - USERS / 10);
        List<Secretary> starting = jdbc.query("""
                SELECT a.login FROM account a JOIN account_role r ON r.account_id = a.id
                WHERE r.role = 'SECRETARY' AND NOT EXISTS (SELECT 1 FROM method m WHERE m.owner_id = a.id)
                ORDER BY a.login LIMIT ?""", (rs, n) -> new Secretary(rs.getString(1), null), USERS - owning.size());
        List<Secretary> chosen = new ArrayList<>();
        var owners = owning.iterator();
        var starters = starting.iterator();
        for (int u = 0; u < USERS && (owners.hasNext() || starters.hasNext()); u++) {
            chosen.add(u % 10 == 9 && starters.hasNext() || !owners.hasNext() ? starters.next() : owners.next());
        }
        return chosen;
    }

    /** A personal API token of the account, made as its owner would make it (signed in with a password). */
    private String bearer(String login) {
        TestUsers.signInAs(users, securityContexts, login);
        try {
            return "Bearer " + tokens.create("load benchmark", Set.of(ApiTokenScope.READ, ApiTokenScope.WRITE), 1).secret();
        } finally {
            TestUsers.signOut(securityContexts);
        }
    }

    private long[] ids(String condition) {
        return jdbc.queryForList("SELECT id FROM method WHERE " + condition + " AND change_of_method_id IS NULL ORDER BY id",
                Long.class).stream().mapToLong(Long::longValue).toArray();
    }

    /** What people type into the list's title filter: the quoted words of some titles, cut to two characters. */
    private List<String> titleWords() {
        return jdbc.queryForList("SELECT title FROM method WHERE MOD(id, 97) = 0 ORDER BY id LIMIT 400", String.class)
                .stream().map(QUOTED::matcher).filter(Matcher::find).map(m -> m.group(1).substring(0, 2)).distinct()
                .limit(40).toList();
    }

    private static long[] think() {
        String[] parts = THINK_MS.split(",");
        long min = Long.parseLong(parts[0].strip());
        long max = Long.parseLong(parts[parts.length - 1].strip());
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("portal.bench.think-ms must be min,max with 0 <= min <= max: " + THINK_MS);
        }
        return new long[] {min, max};
    }

    /** The command that reproduces this run: the benchmark's own properties as given. */
    private static String commandLine() {
        String properties = System.getProperties().stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith("portal.bench.") || k.equals("portal.test.db") || k.startsWith("portal.search."))
                .map(k -> " -D" + k + "=" + System.getProperty(k))
                .collect(Collectors.joining());
        return "./mvnw -o test -Dtest=LoadBenchmark -Dgroups=benchmark" + properties;
    }

    private static Map<String, String> processStatus() throws IOException {
        Map<String, String> status = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            String[] kv = line.split(":", 2);
            if (kv.length == 2 && kv[0].startsWith("Vm")) {
                status.put(kv[0], kv[1].strip());
            }
        }
        return status;
    }

    private static String loadAverage() throws IOException {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    private static String database() {
        return TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file";
    }
}
