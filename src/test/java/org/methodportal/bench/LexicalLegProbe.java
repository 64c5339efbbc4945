package org.methodportal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.engine.IndexQuery;
import org.methodportal.search.engine.QueryPlanner;
import org.methodportal.search.engine.RelaxedSearch;
import org.methodportal.search.engine.Viewer;
import org.methodportal.search.lucene.LuceneBaseline;
import org.methodportal.search.lucene.LuceneSearchIndex;

/**
 * The lexical leg against the floor on a copy of an index that a {@link SearchFloorBenchmark} run
 * left behind (its {@code target/test-data/search-<uuid>} directory), without the database or
 * Spring: about two minutes per measurement instead of ten, to compare changes to the search before
 * running the benchmark itself. Per query and round, in alternating order, the floor and the lexical
 * leg ({@link QueryPlanner#plan} without the glossary, {@link RelaxedSearch}) for a member who owns
 * nothing and reviews nothing; it prints the p50 / p95 of wall-clock and of the thread's CPU time
 * (less disturbed by other work on a shared machine), each query's CPU p50 and the agreement of the
 * first ten hits with full rich scoring. Not a test: it asserts nothing.
 *
 * <pre>
 * cp -r target/test-data/search-&lt;uuid&gt; /tmp/probe-index
 * ./mvnw -o test -Dtest=LexicalLegProbe -Dgroups=benchmark -Dportal.bench.index=/tmp/probe-index \
 *     [-Dportal.bench.rounds=15] [-Dportal.search.facet-sample=5000] [-Dportal.bench.merge=true]
 * </pre>
 * {@code portal.bench.merge} merges the copy into one segment first (it changes the copy).
 */
@Tag("benchmark")
class LexicalLegProbe {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    @Test
    void probe() throws Exception {
        Timings.requireAssertionsOff();
        String given = System.getProperty("portal.bench.index");
        if (given == null || !Files.isRegularFile(Path.of(given, "current"))) {
            throw new IllegalStateException("No index at -Dportal.bench.index=" + given
                    + ": copy the target/test-data/search-<uuid> directory of a SearchFloorBenchmark run");
        }
        Path root = Path.of(given);
        int rounds = Integer.getInteger("portal.bench.rounds", 10);
        // a member who owns nothing and reviews nothing: published and archived methods only
        Viewer viewer = new Viewer(Long.MAX_VALUE, false, Set.of());
        Path copy = Files.createTempDirectory("probe-floor-");
        if (Boolean.getBoolean("portal.bench.merge")) {
            Path serving = root.resolve(Files.readString(root.resolve("current")).strip());
            try (var dir = org.apache.lucene.store.FSDirectory.open(serving);
                 var writer = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig(
                         LuceneSearchIndex.analyzer()).setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND))) {
                long t = System.nanoTime();
                writer.forceMerge(1);
                System.out.printf("PROBE merged into one segment in %d ms%n", (System.nanoTime() - t) / 1_000_000);
            }
        }
        try (var index = new LuceneSearchIndex(root, Integer.getInteger("portal.search.facet-sample", 5_000));
             var floorSearch = new LuceneBaseline.FloorSearch(index, copy);
             var raw = new LuceneBaseline.RawSearch(index)) {
            List<String> queries = SearchFloorBenchmark.QUERIES;
            int n = queries.size();
            double[] floor = new double[n * rounds];
            double[] lexical = new double[n * rounds];
            double[] floorCpu = new double[n * rounds];
            double[] lexicalCpu = new double[n * rounds];
            for (int round = -3; round < rounds; round++) {
                for (int q = 0; q < n; q++) {
                    String text = queries.get(q);
                    IndexQuery planned = QueryPlanner.plan(SearchRequest.of(text), viewer, List.of(), index::documentFrequencies);
                    List<Runnable> order = new ArrayList<>();
                    int slot = Math.max(0, round) * n + q;
                    boolean record = round >= 0;
                    order.add(() -> {
                        long t = System.nanoTime();
                        long c = CPU.getCurrentThreadCpuTime();
                        try {
                            floorSearch.search(QueryPlanner.searchable(text));
                        } catch (Exception e) {
                            throw new RuntimeException(e);
                        }
                        if (record) floor[slot] = (System.nanoTime() - t) / 1e6;
                        if (record) floorCpu[slot] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
                    });
                    order.add(() -> {
                        long t = System.nanoTime();
                        long c = CPU.getCurrentThreadCpuTime();
                        RelaxedSearch.search(index, planned);
                        if (record) lexical[slot] = (System.nanoTime() - t) / 1e6;
                        if (record) lexicalCpu[slot] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
                    });
                    java.util.Collections.rotate(order, Math.floorMod(round, 2));
                    order.forEach(Runnable::run);
                }
            }
            int same = 0;
            int common = 0;
            for (String text : queries) {
                IndexQuery planned = QueryPlanner.plan(SearchRequest.of(text), viewer, List.of(), index::documentFrequencies).page(0, 10);
                List<Long> full = raw.fullyScoredIds(planned, 10);
                var result = index.search(planned);
                List<Long> staged = result.hits().stream().map(SearchHit::id).toList();
                same += !full.isEmpty() && !staged.isEmpty() && full.getFirst().equals(staged.getFirst()) ? 1 : 0;
                common += (int) staged.stream().filter(full::contains).count();
                System.out.printf("%s total=%d approx=%s%n", text, result.total(), result.facetsApproximate());
            }
            System.out.printf("PROBE floor p50/p95 %.1f / %.1f  lexical %.1f / %.1f  ratio %.2f / %.2f  same first %d/16, common %d/160, load %s%n",
                    Timings.median(floor), Timings.p95(floor), Timings.median(lexical), Timings.p95(lexical),
                    Timings.median(lexical) / Timings.median(floor), Timings.p95(lexical) / Timings.p95(floor), same, common,
                    Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf("PROBE cpu: floor p50/p95 %.1f / %.1f  lexical %.1f / %.1f  ratio %.2f / %.2f; sum floor %.0f lexical %.0f%n",
                    Timings.median(floorCpu), Timings.p95(floorCpu), Timings.median(lexicalCpu), Timings.p95(lexicalCpu),
                    Timings.median(lexicalCpu) / Timings.median(floorCpu), Timings.p95(lexicalCpu) / Timings.p95(floorCpu),
                    java.util.Arrays.stream(floorCpu).sum(), java.util.Arrays.stream(lexicalCpu).sum());
            for (int q = 0; q < n; q++) {
                double[] mine = new double[rounds];
                for (int r = 0; r < rounds; r++) mine[r] = lexicalCpu[r * n + q];
                System.out.printf("PROBEQ %s cpu p50 %.1f%n", queries.get(q), Timings.median(mine));
            }
        } finally {
            try (var files = Files.walk(copy)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
