package org.methodportal.search.quality;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.elasticsearch.TestNode;
import org.methodportal.search.engine.GlossaryTerm;
import org.methodportal.search.engine.HybridRanking;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.engine.IndexQuery;
import org.methodportal.search.engine.QueryPlanner;
import org.methodportal.search.engine.RelaxedSearch;
import org.methodportal.search.engine.SearchCorpus;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.engine.Viewer;
import org.methodportal.search.lucene.LuceneSearchIndex;
import org.methodportal.search.quality.Judgements.Judgement;
import org.methodportal.search.semantic.BgeEmbedder;
import org.methodportal.shared.TestCorpus;

/**
 * Search quality on the judged query set (docs/search-quality.md): the 60 corpus methods with their
 * embeddings and the corpus glossary are indexed by each adapter, every judged query is run as a
 * user's search, lexical only and with the semantic leg (its embedding as the service computes it),
 * and nDCG@10 and MRR must stay above floors, overall and per kind of query. The semantic leg alone
 * and a plain bigram BM25 baseline are measured beside them for comparison. The embedding model
 * runs once per class: 60 methods and 140 queries take a few seconds.
 */
class SearchQualityTest {

    private static final Path GLOSSARY = TestCorpus.glossary();
    private static final Viewer MEMBER = new Viewer(9, false, Set.of());
    /** Floors of the first set (titles to mixed), a little under what both adapters measured (docs/search-quality.md). */
    static final double OVERALL_NDCG = 0.96;
    static final double OVERALL_MRR = 0.98;
    static final double KIND_NDCG = 0.93;
    static final double KIND_MRR = 0.97;
    static final List<String> FIRST_SET = List.of("title", "keyword", "colloquial", "concept", "pinyin", "partial", "mixed");
    /**
     * Floors of the queries written the way members ask (nDCG@10, MRR), at what the lexical search
     * reaches; every kind not named here is held to the first set's floors.
     */
    static final Map<String, double[]> MEMBER_KIND_FLOORS = Map.of("question", new double[] {0.85, 0.87},
            "problem", new double[] {0.95, 0.99}, "long", new double[] {0.89, 0.89},
            "traditional", new double[] {0.99, 0.99}, "fullwidth", new double[] {0.99, 0.99});
    /** Queries of another topic: right only when nothing is found. */
    static final String UNRELATED = "unrelated";
    static final double ALL_NDCG = 0.95;
    static final double ALL_MRR = 0.97;
    /** Floors with the semantic leg on, for every query and every kind alike. */
    static final double HYBRID_NDCG = 0.95;
    static final double HYBRID_MRR = 0.95;
    static final double HYBRID_KIND = 0.90;

    private static Judgements judgements;
    private static List<IndexDocument> documents;
    /** The corpus with the embedding of each method, as the indexer writes it with the semantic leg on. */
    private static List<IndexDocument> embedded;
    /** The embedding of each judged query, as the service searches it (the searchable form of the text). */
    private static Map<String, float[]> queryVectors;
    private static List<GlossaryTerm> glossary;
    private static final Map<String, Report> reports = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        judgements = Judgements.read();
        documents = SearchCorpus.documents();
        try (InputStream in = Files.newInputStream(GLOSSARY)) {
            glossary = GlossaryTerm.readJsonLines(in);
        }
        var embedder = new BgeEmbedder();
        List<float[]> vectors = embedder.embedAll(documents.stream().map(IndexDocument::semanticText).toList());
        embedded = IntStream.range(0, documents.size()).mapToObj(i -> documents.get(i).withVector(vectors.get(i)))
                .toList();
        List<String> queries = judgements.queries().stream().map(Judgement::query).distinct().toList();
        List<float[]> embeddings = embedder.embedQueries(queries.stream().map(QueryPlanner::searchable).toList());
        queryVectors = new LinkedHashMap<>();
        IntStream.range(0, queries.size()).forEach(i -> queryVectors.put(queries.get(i), embeddings.get(i)));
    }

    @AfterAll
    static void printTable() {
        var out = new StringBuilder("\nSearch quality on ").append(judgements.queries().size())
                .append(" judged queries (nDCG@10 / MRR)\n");
        out.append(String.format("%-12s %4s", "kind", "n"));
        reports.keySet().forEach(name -> out.append(String.format(" | %-27s", name)));
        out.append('\n');
        List<String> rows = new ArrayList<>(judgements.kinds());
        rows.add("overall");
        for (String kind : rows) {
            long n = kind.equals("overall") ? judgements.queries().size()
                    : judgements.queries().stream().filter(j -> j.kind().equals(kind)).count();
            out.append(String.format("%-12s %4d", kind, n));
            reports.values().forEach(r -> out.append(String.format(" | %.3f / %.3f              ", r.ndcg(kind), r.mrr(kind))));
            out.append('\n');
        }
        reports.forEach((name, r) -> r.weak().forEach(w -> out.append(name).append(" weak: ").append(w).append('\n')));
        System.out.println(out);
    }

    @Test
    void bigramBaselineForComparison() throws IOException {
        try (var baseline = new BigramBaseline(documents)) {
            Report report = measure(q -> baseline.search(q, Metrics.CUTOFF));
            reports.put("bigram BM25 baseline", report);
            assertThat(report.ndcg("overall")).as("the baseline finds something").isGreaterThan(0);
        }
    }

    @Test
    void embeddedLuceneMeetsTheFloors(@TempDir Path dir) {
        try (SearchIndex index = new LuceneSearchIndex(dir)) {
            index.apply(embedded, List.of());
            assertFloors(measureAdapter("Lucene", index, false));
        }
    }

    @Test
    void embeddedLuceneWithTheSemanticLegMeetsTheHybridFloors(@TempDir Path dir) {
        try (SearchIndex index = new LuceneSearchIndex(dir)) {
            index.apply(embedded, List.of());
            measureSemanticLeg("Lucene semantic only", index);
            assertHybridFloors(measureAdapter("Lucene hybrid", index, true));
        }
    }

    @Test
    void elasticsearchMeetsTheFloors() throws IOException {
        String alias = "quality";
        try (SearchIndex index = TestNode.searchIndex(alias)) {
            index.apply(embedded, List.of());
            assertFloors(measureAdapter("Elasticsearch", index, false));
        } finally {
            TestNode.dropIndexes(alias);
        }
    }

    @Test
    void elasticsearchWithTheSemanticLegMeetsTheHybridFloors() throws IOException {
        String alias = "quality-hybrid";
        try (SearchIndex index = TestNode.searchIndex(alias)) {
            index.apply(embedded, List.of());
            measureSemanticLeg("Elasticsearch semantic only", index);
            assertHybridFloors(measureAdapter("Elasticsearch hybrid", index, true));
        } finally {
            TestNode.dropIndexes(alias);
        }
    }

    /**
     * Where the semantic leg's bar lies (docs/search-quality.md): the cosines of the entries judged
     * relevant (grade 2 or 3) and of those not judged, absolutely and below the nearest entry of
     * the same query, and the nearest entry of each query of another topic, which must stay under
     * the floor while the rule keeps most relevant entries and leaves out most unrelated ones.
     */
    @Test
    void theSemanticBarSeparatesRelevantFromUnrelatedEntries() {
        List<Double> relevant = new ArrayList<>();
        List<Double> relevantGap = new ArrayList<>();
        List<Double> irrelevant = new ArrayList<>();
        List<Double> irrelevantGap = new ArrayList<>();
        List<Double> otherTopic = new ArrayList<>();
        int relevantKept = 0;
        int irrelevantKept = 0;
        for (Judgement j : judgements.queries()) {
            float[] q = queryVectors.get(j.query());
            double[] cosines = embedded.stream().mapToDouble(d -> dot(q, d.vector())).toArray();
            double best = java.util.Arrays.stream(cosines).max().orElseThrow();
            if (j.kind().equals(UNRELATED)) {
                otherTopic.add(best);
                continue;
            }
            for (int i = 0; i < cosines.length; i++) {
                boolean kept = cosines[i] >= HybridRanking.MIN_SIMILARITY
                        && cosines[i] >= best - HybridRanking.WITHIN_BEST;
                if (j.grades().getOrDefault(embedded.get(i).externalId(), 0) >= Metrics.MRR_GRADE) {
                    relevant.add(cosines[i]);
                    relevantGap.add(best - cosines[i]);
                    relevantKept += kept ? 1 : 0;
                } else if (!j.grades().containsKey(embedded.get(i).externalId())) {
                    irrelevant.add(cosines[i]);
                    irrelevantGap.add(best - cosines[i]);
                    irrelevantKept += kept ? 1 : 0;
                }
            }
        }
        double relevantShare = (double) relevantKept / relevant.size();
        double irrelevantShare = (double) irrelevantKept / irrelevant.size();
        System.out.printf("%nCosines (p10 / p50 / p90): relevant %s, not relevant %s%n"
                        + "Below the nearest entry: relevant %s, not relevant %s%n"
                        + "Nearest entry of each query of another topic: %s%n"
                        + "Kept by the bar (>= %.2f and within %.2f of the nearest): %.1f %% of %d relevant, %.1f %% of %d not relevant%n",
                percentiles(relevant), percentiles(irrelevant), percentiles(relevantGap), percentiles(irrelevantGap),
                otherTopic.stream().map(c -> String.format("%.3f", c)).toList(), HybridRanking.MIN_SIMILARITY,
                HybridRanking.WITHIN_BEST, 100 * relevantShare, relevant.size(), 100 * irrelevantShare,
                irrelevant.size());
        assertThat(otherTopic).as("nearest entry of queries of another topic").allMatch(
                c -> c < HybridRanking.MIN_SIMILARITY);
        assertThat(relevantShare).as("share of relevant entries the bar keeps").isGreaterThanOrEqualTo(0.5);
        assertThat(irrelevantShare).as("share of unrelated entries the bar keeps").isLessThanOrEqualTo(0.1);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static String percentiles(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("%.3f / %.3f / %.3f", sorted.get(sorted.size() / 10), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() * 9 / 10));
    }

    /** As the service searches: planned with the index's word frequencies, relaxed when it finds too little. */
    private Report measureAdapter(String name, SearchIndex index, boolean semantic) {
        Report report = measure(q -> {
            IndexQuery planned = QueryPlanner.plan(SearchRequest.of(q), MEMBER, glossary, index::documentFrequencies);
            return RelaxedSearch.search(index, semantic ? planned.withVector(queryVectors.get(q)) : planned).hits()
                    .stream().map(SearchHit::externalId).limit(Metrics.CUTOFF).toList();
        });
        reports.put(name, report);
        return report;
    }

    /** The semantic leg alone, as the hybrid search runs it: its contribution, reported beside the others. */
    private void measureSemanticLeg(String name, SearchIndex index) {
        Map<Long, String> externalIds = new LinkedHashMap<>();
        documents.forEach(d -> externalIds.put(d.id(), d.externalId()));
        Report report = measure(q -> {
            IndexQuery planned = QueryPlanner.plan(SearchRequest.of(q), MEMBER, glossary);
            return HybridRanking.close(index.nearest(planned, queryVectors.get(q), HybridRanking.NEAREST,
                    HybridRanking.MIN_SIMILARITY)).stream().map(h -> externalIds.get(h.id())).limit(Metrics.CUTOFF)
                    .toList();
        });
        reports.put(name, report);
        assertThat(report.failed()).as("nearest searches that failed").isEmpty();
    }

    private static Report measure(Function<String, List<String>> search) {
        List<Scored> scored = new ArrayList<>();
        for (Judgement j : judgements.queries()) {
            List<String> ranked;
            String failure = null;
            try {
                ranked = search.apply(j.query());
            } catch (RuntimeException e) {
                // a failed search finds nothing for the member: scored as such and reported
                ranked = List.of();
                failure = e.getClass().getSimpleName();
            }
            if (j.kind().equals(UNRELATED)) {
                // a query of another topic: right only when nothing is found
                double right = ranked.isEmpty() ? 1 : 0;
                scored.add(new Scored(j, ranked, right, right, failure));
            } else {
                scored.add(new Scored(j, ranked, Metrics.ndcg(ranked, j.grades()),
                        Metrics.reciprocalRank(ranked, j.grades()), failure));
            }
        }
        return new Report(scored);
    }

    /**
     * The lexical search's floors, on the queries that have an answer: it finds stray words of a
     * sentence of another topic ({@link #UNRELATED}), which only the semantic leg can tell apart.
     */
    private static void assertFloors(Report report) {
        List<String> answered = judgements.kinds().stream().filter(k -> !k.equals(UNRELATED)).toList();
        assertThat(report.failed()).as("searches that failed").isEmpty();
        assertThat(report.ndcg(FIRST_SET)).as("nDCG@10 of the first set").isGreaterThanOrEqualTo(OVERALL_NDCG);
        assertThat(report.mrr(FIRST_SET)).as("MRR of the first set").isGreaterThanOrEqualTo(OVERALL_MRR);
        assertThat(report.ndcg(answered)).as("nDCG@10 of all queries with an answer").isGreaterThanOrEqualTo(ALL_NDCG);
        assertThat(report.mrr(answered)).as("MRR of all queries with an answer").isGreaterThanOrEqualTo(ALL_MRR);
        for (String kind : answered) {
            double[] floors = MEMBER_KIND_FLOORS.getOrDefault(kind, new double[] {KIND_NDCG, KIND_MRR});
            assertThat(report.ndcg(kind)).as("nDCG@10 of " + kind + " queries").isGreaterThanOrEqualTo(floors[0]);
            assertThat(report.mrr(kind)).as("MRR of " + kind + " queries").isGreaterThanOrEqualTo(floors[1]);
        }
    }

    private static void assertHybridFloors(Report report) {
        assertThat(report.failed()).as("searches that failed").isEmpty();
        assertThat(report.ndcg("overall")).as("overall nDCG@10").isGreaterThanOrEqualTo(HYBRID_NDCG);
        assertThat(report.mrr("overall")).as("overall MRR").isGreaterThanOrEqualTo(HYBRID_MRR);
        for (String kind : judgements.kinds()) {
            assertThat(report.ndcg(kind)).as("nDCG@10 of " + kind + " queries").isGreaterThanOrEqualTo(HYBRID_KIND);
            assertThat(report.mrr(kind)).as("MRR of " + kind + " queries").isGreaterThanOrEqualTo(HYBRID_KIND);
        }
    }

    private record Scored(Judgement judgement, List<String> ranked, double ndcg, double reciprocalRank,
                          String failure) {
    }

    private record Report(List<Scored> scored) {

        double ndcg(String kind) {
            return of(kind).stream().mapToDouble(Scored::ndcg).average().orElse(0);
        }

        double ndcg(List<String> kinds) {
            return scored.stream().filter(s -> kinds.contains(s.judgement().kind())).mapToDouble(Scored::ndcg).average()
                    .orElse(0);
        }

        double mrr(List<String> kinds) {
            return scored.stream().filter(s -> kinds.contains(s.judgement().kind())).mapToDouble(Scored::reciprocalRank)
                    .average().orElse(0);
        }

        double mrr(String kind) {
            return of(kind).stream().mapToDouble(Scored::reciprocalRank).average().orElse(0);
        }

        /** Queries below 0.9 nDCG@10, with the first hits, for docs/search-quality.md. */
        List<String> weak() {
            return scored.stream().filter(s -> s.ndcg() < 0.9).map(s -> String.format("%s [%s] nDCG %.2f RR %.2f top %s%s",
                    s.judgement().query(), s.judgement().kind(), s.ndcg(), s.reciprocalRank(),
                    s.ranked().subList(0, Math.min(5, s.ranked().size())),
                    s.failure() == null ? "" : " FAILED " + s.failure())).toList();
        }

        /** Queries whose search threw instead of answering. */
        List<String> failed() {
            return scored.stream().filter(s -> s.failure() != null).map(s -> s.judgement().query()).toList();
        }

        private List<Scored> of(String kind) {
            return kind.equals("overall") ? scored : scored.stream().filter(s -> s.judgement().kind().equals(kind)).toList();
        }
    }
}
