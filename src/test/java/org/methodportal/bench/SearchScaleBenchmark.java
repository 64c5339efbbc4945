package org.methodportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.method.MethodDocument;
import org.methodportal.method.MethodDocumentService;
import org.methodportal.search.SearchIndexer;
import org.methodportal.search.SearchProperties;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.SearchService;
import org.methodportal.search.engine.GlossaryTerm;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.engine.IndexQuery;
import org.methodportal.search.engine.QueryPlanner;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.engine.Viewer;
import org.methodportal.search.lucene.LuceneBaseline;
import org.methodportal.search.lucene.LuceneSearchIndex;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.shared.TestDatabase;
import org.methodportal.shared.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Search at 100,000 methods (the corpus of {@link MethodScaleBenchmark}) on the embedded Lucene
 * index: a full reindex through the portal's path (keyset pages from the database, index documents
 * with pinyin, the parallel rebuild) next to a bare Lucene loop indexing the same documents with the
 * same analysis and threads; then the latency of a mixed query list through {@link SearchService}
 * (planner, glossary, facets, highlighting, visibility) next to the raw Lucene search of the same
 * query on the same index; the index size on disk and the heap after the load. Not a test: it
 * prints a Markdown table and asserts no timing. Run it as docs/benchmarks.md says.
 */
@Tag("benchmark")
@ExtendWith(TestDatabase.Availability.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"spring.config.location=classpath:/", "portal.seed.demo=false",
                "portal.search.reindex-on-startup=never"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = OrganisationScaleBenchmark.Database.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchScaleBenchmark {

    private static final int WARM_UP = 5;
    private static final int REPETITIONS = 20;
    /** Titles, keywords and tags, pinyin (full, spaced, initials) and parts of words, as people type them. */
    static final List<String> QUERIES = List.of(
            "“换位体验”工作法", "税源画像", "楼栋议事工作法", "暖心驿站",
            "青年干部", "主题党日", "预算评审", "社区治理 志愿服务", "三会一课",
            "huanwei tiyan", "shuiyuan huaxiang", "ldys", "qingnian ganbu",
            "议事", "画像", "尖刀", "排险", "谈心");

    @Autowired
    SearchIndexer indexer;
    @Autowired
    SearchService search;
    @Autowired
    SearchIndex index;
    @Autowired
    SearchProperties properties;
    @Autowired
    MethodDocumentService documents;
    @Autowired
    GlossaryService glossary;
    @Autowired
    SystemAuthentication system;
    @Autowired
    DataSource dataSource;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @BeforeAll
    void loadCorpus() throws SQLException {
        Timings.requireAssertionsOff();
        MethodCorpusLoader.loadWithOrganisation(dataSource, MethodScaleBenchmark.DATA,
                passwordEncoder.encode("benchmark-password"), TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file");
    }

    @Test
    void indexingAndQueries() throws Exception {
        int threads = properties.reindexThreads();
        var table = new StringBuilder("""
                | measure (%s, %d threads) | portal | bare / raw Lucene | portal time ÷ Lucene time |
                |---|---:|---:|---:|
                """.formatted(TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file", threads));

        // Bare loop first, on documents read beforehand: it measures Lucene alone.
        List<IndexDocument> all = readAll();
        Path bareDir = Files.createTempDirectory("bare-lucene-");
        long bareStart = System.nanoTime();
        long bareCount = LuceneBaseline.indexBare(all, bareDir, threads);
        double bareSeconds = (System.nanoTime() - bareStart) / 1e9;
        all = null;
        deleteTree(bareDir);

        long start = System.nanoTime();
        long count = indexer.rebuild("benchmark");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(count).isEqualTo(bareCount).isPositive();
        row(table, "full reindex, documents/s (%d methods; s)".formatted(count),
                "%.0f (%.0f s)".formatted(count / seconds, seconds), "%.0f (%.0f s)".formatted(bareCount / bareSeconds,
                        bareSeconds), seconds / bareSeconds);

        LuceneSearchIndex lucene = (LuceneSearchIndex) index;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long size = size(lucene.servingDirectory());

        PortalUser member = TestUsers.signInAs(users, securityContexts, MethodScaleBenchmark.MEMBER);
        Viewer viewer = Viewer.of(member);
        List<GlossaryTerm> terms = system.callAsSystem(() -> glossary.all()).stream()
                .map(t -> new GlossaryTerm(t.standard(), t.variants())).toList();
        double[] service = new double[QUERIES.size() * REPETITIONS];
        double[] raw = new double[service.length];
        double[] rawPlain = new double[service.length];
        try (var rawSearch = new LuceneBaseline.RawSearch(lucene)) {
            for (int round = -WARM_UP; round < REPETITIONS; round++) {
                for (int q = 0; q < QUERIES.size(); q++) {
                    SearchRequest request = SearchRequest.of(QUERIES.get(q));
                    int slot = round * QUERIES.size() + q;
                    IndexQuery planned = QueryPlanner.plan(request, viewer, terms);
                    // Whichever runs second finds the query's postings in the CPU caches: alternate.
                    boolean rawFirst = (round & 1) == 1;
                    long rawTotal = 0;
                    if (rawFirst) {
                        rawTotal = timed(raw, slot, round, () -> rawSearch.search(planned, true));
                    }
                    long total = timed(service, slot, round, () -> search.search(request).total());
                    if (!rawFirst) {
                        rawTotal = timed(raw, slot, round, () -> rawSearch.search(planned, true));
                    }
                    timed(rawPlain, slot, round, () -> rawSearch.search(planned, false));
                    if (round == -WARM_UP) {
                        assertThat(total).as(QUERIES.get(q)).isEqualTo(rawTotal).isPositive();
                        System.out.printf("%s: %d hits%n", QUERIES.get(q), total);
                    }
                }
            }
            breakdown(rawSearch, viewer, terms);
        }
        securityContexts.clearContext();
        row(table, "query p50, ms", "%.1f".formatted(Timings.median(service)),
                "%.1f".formatted(Timings.median(raw)), Timings.median(service) / Timings.median(raw));
        row(table, "query p95, ms", "%.1f".formatted(Timings.p95(service)),
                "%.1f".formatted(Timings.p95(raw)), Timings.p95(service) / Timings.p95(raw));
        table.append("| raw query without highlighting p50 / p95, ms | | %.1f / %.1f | |%n".formatted(
                Timings.median(rawPlain), Timings.p95(rawPlain)));
        table.append("| index size on disk | %.0f MiB | | |%n".formatted(size / 1048576.0));
        table.append("| heap used after load and reindex (after GC) | %.0f MiB | | |%n".formatted(heap / 1048576.0));
        System.out.printf("%n%d queries × %d runs after %d warm-up rounds, signed in as a member:%n%n%s%n",
                QUERIES.size(), REPETITIONS, WARM_UP, table);
    }

    /**
     * Where the time of a raw search goes, per query (median of the timed rounds): matching alone,
     * the facet pass, the top-hits pass and the highlighter, run one after the other.
     */
    private static void breakdown(LuceneBaseline.RawSearch rawSearch, Viewer viewer, List<GlossaryTerm> terms)
            throws IOException {
        var table = new StringBuilder("""
                | query | match only (count) | facet pass | top-20 pass | highlight | sum | facets + top 20 in one pass |
                |---|---:|---:|---:|---:|---:|---:|
                """);
        double[][] sums = new double[5][QUERIES.size() * REPETITIONS];
        for (int q = 0; q < QUERIES.size(); q++) {
            IndexQuery planned = QueryPlanner.plan(SearchRequest.of(QUERIES.get(q)), viewer, terms);
            double[][] phases = new double[5][REPETITIONS];
            for (int round = -WARM_UP; round < REPETITIONS; round++) {
                double[] times = rawSearch.phases(planned);
                for (int p = 0; round >= 0 && p < times.length; p++) {
                    phases[p][round] = times[p];
                    sums[p][q * REPETITIONS + round] = times[p];
                }
            }
            double sum = 0;
            table.append("| ").append(QUERIES.get(q));
            for (int p = 0; p < 4; p++) {
                sum += Timings.median(phases[p]);
                table.append(" | %.1f".formatted(Timings.median(phases[p])));
            }
            table.append(" | %.1f | %.1f |%n".formatted(sum, Timings.median(phases[4])));
        }
        table.append("| all queries, p50 / p95");
        for (int p = 0; p < 4; p++) {
            table.append(" | %.1f / %.1f".formatted(Timings.median(sums[p]), Timings.p95(sums[p])));
        }
        table.append(" | | %.1f / %.1f |%n".formatted(Timings.median(sums[4]), Timings.p95(sums[4])));
        System.out.printf("%nRaw search phases, ms (median of %d runs per query):%n%n%s%n", REPETITIONS, table);
    }

    private interface Search {
        long total() throws IOException;
    }

    /** Runs the search and, in a timed round, records its time in ms; returns its total. */
    private static long timed(double[] times, int slot, int round, Search search) throws IOException {
        long start = System.nanoTime();
        long total = search.total();
        if (round >= 0) {
            times[slot] = (System.nanoTime() - start) / 1e6;
        }
        return total;
    }

    private List<IndexDocument> readAll() {
        List<IndexDocument> all = new ArrayList<>();
        long after = 0;
        for (List<MethodDocument> page = page(after); !page.isEmpty(); page = page(after)) {
            page.forEach(d -> all.add(IndexDocument.of(d)));
            after = page.getLast().id();
        }
        return all;
    }

    private List<MethodDocument> page(long after) {
        return system.callAsSystem(() -> documents.documentsAfter(after, 500));
    }

    private static void row(StringBuilder table, String measure, String portalText, String baselineText,
                            double ratio) {
        String row = "| %s | %s | %s | %.2f× |".formatted(measure, portalText, baselineText, ratio);
        System.out.println(row);
        table.append(row).append('\n');
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
