package org.methodportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.methodportal.account.ApiTokenScope;
import org.methodportal.account.ApiTokenService;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.search.EmbeddingBackfill;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchIndexer;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.SearchService;
import org.methodportal.search.engine.GlossaryTerm;
import org.methodportal.search.engine.IndexQuery;
import org.methodportal.search.engine.QueryPlanner;
import org.methodportal.search.engine.RelaxedSearch;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Search latency against the floor of Lucene itself, at the scale of the generated corpus (100,000
 * methods): per query, interleaved and in alternating order, (1) the floor
 * ({@link LuceneBaseline.FloorSearch}: a plain OR query over ten text fields on a one-segment copy
 * of the same index, top 10, one facet, three highlighted fields), (2) the lexical leg as the
 * service plans and runs it (planner, relaxation, facets, page highlighting; no embedding) and
 * (3) the whole search through {@link SearchService} (with the semantic leg when it is on and the
 * methods have embeddings). One client, signed in as a member; then 16 clients through the service
 * and 16 through the REST API with a personal API token. Not a test: it prints a Markdown
 * table with the ratios to the floor and the load average, and asserts no timing. With
 * {@code -Dportal.search.semantic.enabled=false} the search is lexical only and no embeddings are
 * restored or computed (a corpus without stored ones would otherwise cost the model's 40 minutes).
 */
@Tag("benchmark")
@ExtendWith(TestDatabase.Availability.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.location=classpath:/", "portal.seed.demo=false",
                "portal.search.reindex-on-startup=never"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = OrganisationScaleBenchmark.Database.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchFloorBenchmark {

    private static final int WARM_UP = 5;
    private static final int REPETITIONS = 20;
    /** How members search: titles, keywords, pinyin, parts of words, questions and problems, traditional script. */
    static final List<String> QUERIES = List.of(
            "“换位体验”工作法", "税源画像", "楼栋议事工作法", "青年干部", "三会一课", "社区治理 志愿服务",
            "huanwei tiyan", "ldys", "议事", "谈心",
            "新同志刚进机关不熟悉情况怎么办", "群众反映办事难怎么改进", "三會一課怎麼開",
            "新来的同志不熟悉业务怎么带", "支部活动和业务工作两张皮怎么解决", "年轻干部理想信念教育怎么抓");

    @Autowired
    SearchIndexer indexer;
    @Autowired
    SearchService search;
    @Autowired
    SearchIndex index;
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

    @Autowired
    EmbeddingBackfill backfill;
    @Autowired
    ApiTokenService tokens;
    @LocalServerPort
    int port;

    private long embeddings;

    @BeforeAll
    void loadCorpus() throws SQLException, InterruptedException {
        Timings.requireAssertionsOff();
        MethodCorpusLoader.loadWithOrganisation(dataSource, MethodScaleBenchmark.DATA,
                passwordEncoder.encode("benchmark-password"), TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file");
        // With -Dportal.search.semantic.enabled=false the search is lexical only: no embeddings to restore or compute.
        embeddings = backfill.status().enabled()
                ? StoredEmbeddings.restoreOrCompute(dataSource, MethodScaleBenchmark.DATA, backfill) : 0;
    }

    @Test
    void searchAgainstTheFloor() throws Exception {
        long count = indexer.rebuild("benchmark");
        assertThat(count).isPositive();
        String loadBefore = loadAverage();
        Path copy = Files.createTempDirectory("floor-lucene-");
        PortalUser member = TestUsers.signInAs(users, securityContexts, MethodScaleBenchmark.MEMBER);
        Viewer viewer = Viewer.of(member);
        List<GlossaryTerm> terms = system.callAsSystem(() -> glossary.all()).stream()
                .map(t -> new GlossaryTerm(t.standard(), t.variants())).toList();
        int samples = QUERIES.size() * REPETITIONS;
        double[] floor = new double[samples];
        double[] lexical = new double[samples];
        double[] service = new double[samples];
        double[] firstTime = new double[QUERIES.size()];
        var agreement = new StringBuilder();
        try (var floorSearch = new LuceneBaseline.FloorSearch((LuceneSearchIndex) index, copy);
             var raw = new LuceneBaseline.RawSearch((LuceneSearchIndex) index)) {
            assertThat(floorSearch.segments()).isEqualTo(1);
            agreement.append(topTenAgreement(raw, viewer, terms));
            // The first search of a text computes its embedding; later ones find it in the cache.
            for (int q = 0; q < QUERIES.size(); q++) {
                String text = QUERIES.get(q);
                timed(firstTime, q, 0, () -> search.search(SearchRequest.of(text)).total());
            }
            for (int round = -WARM_UP; round < REPETITIONS; round++) {
                for (int q = 0; q < QUERIES.size(); q++) {
                    String text = QUERIES.get(q);
                    SearchRequest request = SearchRequest.of(text);
                    int slot = round * QUERIES.size() + q;
                    // Whichever runs later finds the postings in the CPU caches: rotate the order.
                    List<Runnable> order = new ArrayList<>(List.of(
                            () -> timed(floor, slot, round(slot), () -> floorSearch.search(QueryPlanner.searchable(text))),
                            () -> timed(lexical, slot, round(slot), () -> RelaxedSearch.search(index,
                                    QueryPlanner.plan(request, viewer, terms, index::documentFrequencies)).total()),
                            () -> timed(service, slot, round(slot), () -> search.search(request).total())));
                    java.util.Collections.rotate(order, Math.floorMod(round, 3));
                    order.forEach(Runnable::run);
                }
            }
        } finally {
            securityContexts.clearContext();
            deleteTree(copy);
        }
        var table = new StringBuilder("""
                | %d methods, %s, one client | p50 ms | p95 ms | p50 ÷ floor | p95 ÷ floor |
                |---|---:|---:|---:|---:|
                """.formatted(count, TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file"));
        row(table, "floor: plain Lucene, one segment", floor, floor);
        row(table, "lexical leg (planner, relaxation, facets, highlight)", lexical, floor);
        row(table, "search through the service", service, floor);
        table.append("| the service, first search of each text (its embedding computed; %d samples) | %.1f | %.1f | | |%n"
                .formatted(firstTime.length, Timings.median(firstTime), Timings.p95(firstTime)));
        var perQuery = new StringBuilder("| query | floor p50 | lexical p50 | service p50 |\n|---|---:|---:|---:|\n");
        for (int q = 0; q < QUERIES.size(); q++) {
            perQuery.append("| %s | %.1f | %.1f | %.1f |%n".formatted(QUERIES.get(q), Timings.median(ofQuery(floor, q)),
                    Timings.median(ofQuery(lexical, q)), Timings.median(ofQuery(service, q))));
        }
        System.out.printf("%n%d queries × %d runs after %d warm-up rounds, %d methods with embeddings; load average"
                        + " before %s, after %s%n%n%s%n%s%n%s%n",
                QUERIES.size(), REPETITIONS, WARM_UP, embeddings, loadBefore, loadAverage(), table, perQuery, agreement);
        System.out.println(ConcurrentSearchers.run(search, users, securityContexts, MethodScaleBenchmark.MEMBER, QUERIES));
        TestUsers.signInAs(users, securityContexts, MethodScaleBenchmark.MEMBER);
        String bearer = "Bearer " + tokens.create("benchmark", Set.of(ApiTokenScope.READ), 1).secret();
        securityContexts.clearContext();
        System.out.println(ConcurrentSearchers.runRest(port, bearer, QUERIES));
    }

    /**
     * How far rescoring only the first stage's best hits changes the first page: per query, the
     * first ten hits of the search against those of scoring every match with the rich query.
     */
    private String topTenAgreement(LuceneBaseline.RawSearch raw, Viewer viewer, List<GlossaryTerm> terms)
            throws IOException {
        var out = new StringBuilder("| query | same first hit | top 10 in common | same order |\n|---|---|---:|---|\n");
        int sameFirst = 0;
        int common = 0;
        for (String text : QUERIES) {
            IndexQuery planned = QueryPlanner.plan(SearchRequest.of(text), viewer, terms, index::documentFrequencies)
                    .page(0, 10);
            List<Long> full = raw.fullyScoredIds(planned, 10);
            List<Long> staged = index.search(planned).hits().stream().map(SearchHit::id).toList();
            long shared = staged.stream().filter(full::contains).count();
            boolean first = !full.isEmpty() && !staged.isEmpty() && full.getFirst().equals(staged.getFirst());
            sameFirst += first ? 1 : 0;
            common += (int) shared;
            out.append("| %s | %s | %d / %d | %s |%n".formatted(text, first ? "yes" : "no", shared, full.size(),
                    full.equals(staged) ? "yes" : "no"));
        }
        return out.append("| all | %d / %d | %d in common | |%n".formatted(sameFirst, QUERIES.size(), common))
                .toString();
    }

    /** The timed samples of one query. */
    private static double[] ofQuery(double[] times, int q) {
        double[] mine = new double[REPETITIONS];
        for (int r = 0; r < REPETITIONS; r++) {
            mine[r] = times[r * QUERIES.size() + q];
        }
        return mine;
    }

    /** The timed round of a sample slot (negative: warm-up, not recorded). */
    private static int round(int slot) {
        return Math.floorDiv(slot, QUERIES.size());
    }

    private interface Search {
        long total() throws IOException;
    }

    private static void timed(double[] times, int slot, int round, Search search) {
        long start = System.nanoTime();
        try {
            search.total();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (round >= 0) {
            times[slot] = (System.nanoTime() - start) / 1e6;
        }
    }

    private static void row(StringBuilder table, String measure, double[] times, double[] floor) {
        table.append("| %s | %.1f | %.1f | %.2f× | %.2f× |%n".formatted(measure, Timings.median(times),
                Timings.p95(times), Timings.median(times) / Timings.median(floor), Timings.p95(times) / Timings.p95(floor)));
    }

    private static String loadAverage() throws IOException {
        return String.join(" ", Files.readString(Path.of("/proc/loadavg")).strip().split(" ")).substring(0, 14);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
