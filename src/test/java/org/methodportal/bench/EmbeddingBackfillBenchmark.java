package org.methodportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.methodportal.method.MethodDocument;
import org.methodportal.method.MethodDocumentService;
import org.methodportal.search.BackfillStatus;
import org.methodportal.search.EmbeddingBackfill;
import org.methodportal.search.SearchIndexer;
import org.methodportal.search.SearchProperties;
import org.methodportal.search.engine.Embedder;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.shared.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The backfill of embeddings through the portal's path (keyset pages from the database, index
 * documents, one lookup of stored vectors per page, {@code backfill-threads} threads computing
 * batches, storing them and queueing their methods), then the outbox worker writing those methods
 * with their vectors to the index; next to the reference of the same model embedding texts of the
 * same corpus one by one on one thread, and to the model on two threads and in langchain4j's stock
 * ONNX session, all measured in each of a few rounds of the same run.
 * Not a test: it prints a Markdown table and asserts no timing. Run it as docs/benchmarks.md says.
 */
@Tag("benchmark")
@ExtendWith(TestDatabase.Availability.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"spring.config.location=classpath:/", "portal.seed.demo=false",
                "portal.search.reindex-on-startup=never"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = OrganisationScaleBenchmark.Database.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddingBackfillBenchmark {

    static final Path DATA = Path.of(System.getProperty("portal.bench.data", "/tmp/bench-embeddings"));
    /** Texts of the reference measures (the first methods'). */
    private static final int REFERENCE = 200;
    private static final int ROUNDS = 3;

    @Autowired
    EmbeddingBackfill backfill;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    Embedder embedder;
    @Autowired
    SearchProperties properties;
    @Autowired
    MethodDocumentService documents;
    @Autowired
    SystemAuthentication system;
    @Autowired
    DataSource dataSource;
    @Autowired
    PasswordEncoder passwordEncoder;

    @BeforeAll
    void loadCorpus() throws SQLException, InterruptedException {
        StoredEmbeddings.awaitStartupBackfill(backfill);
        MethodCorpusLoader.loadWithOrganisation(dataSource, DATA, passwordEncoder.encode("benchmark-password"),
                TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file");
    }

    @Test
    void backfillAgainstOneByOne() throws Exception {
        List<String> texts = texts(REFERENCE);
        embedder.embed(texts.getFirst());
        // the same model in langchain4j's own session (a thread per core spinning within each call)
        var stock = new BgeSmallZhV15QuantizedEmbeddingModel(Runnable::run);
        stock.embed(texts.getFirst());
        var jdbc = new JdbcTemplate(dataSource);
        // Other processes share the machine and their load comes in bursts: every measure runs once per
        // round, in the same order, and the table gives each one's median over the rounds.
        double[] reference = new double[ROUNDS];
        double[] ownTwo = new double[ROUNDS];
        double[] stockOne = new double[ROUNDS];
        double[] stockTwo = new double[ROUNDS];
        double[] backfillRate = new double[ROUNDS];
        double[] ratio = new double[ROUNDS];
        double[] load = new double[ROUNDS];
        long computed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            jdbc.update("DELETE FROM method_embedding");
            jdbc.update("DELETE FROM search_outbox");
            reference[round] = rate(null, texts, 1);
            ownTwo[round] = rate(null, texts, 2);
            stockOne[round] = rate(stock, texts, 1);
            stockTwo[round] = rate(stock, texts, 2);
            long start = System.nanoTime();
            computed = backfill.backfill("benchmark");
            backfillRate[round] = computed / ((System.nanoTime() - start) / 1e9);
            ratio[round] = backfillRate[round] / reference[round];
            load[round] = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            BackfillStatus status = backfill.status();
            assertThat(status.error()).isNull();
            assertThat(computed).isEqualTo(status.total()).isPositive()
                    .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM method_embedding", Long.class));
            System.out.printf("round %d: one by one %.1f/s, backfill %.1f/s (%.2f×), load %.2f%n", round,
                    reference[round], backfillRate[round], ratio[round], load[round]);
        }
        long start = System.nanoTime();
        int indexed = indexer.drain();
        double drainRate = indexed / ((System.nanoTime() - start) / 1e9);
        assertThat(indexed).isEqualTo((int) computed);

        int threads = properties.semantic().backfillThreads();
        double one = Timings.median(reference);
        var table = new StringBuilder("""
                | measure (%s, %d methods; median of %d rounds) | entries/s | ÷ one by one |
                |---|---:|---:|
                """.formatted(TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file", computed, ROUNDS));
        table.append("| reference: the portal's model, one by one on one thread (%d texts) | %.1f | 1.00× |%n"
                .formatted(texts.size(), one));
        table.append("| the portal's model, 2 threads | %.1f | %.2f× |%n".formatted(Timings.median(ownTwo),
                Timings.median(ownTwo) / one));
        table.append("| langchain4j's stock session, one thread / 2 threads | %.1f / %.1f | %.2f× / %.2f× |%n"
                .formatted(Timings.median(stockOne), Timings.median(stockTwo), Timings.median(stockOne) / one,
                        Timings.median(stockTwo) / one));
        table.append("| **backfill** (%d threads): read, embed, store, queue | **%.1f** | %.2f× (per round: median %.2f×) |%n"
                .formatted(threads, Timings.median(backfillRate), Timings.median(backfillRate) / one,
                        Timings.median(ratio)));
        table.append("| then the outbox worker indexing them with their vectors | %.1f | |%n".formatted(drainRate));
        System.out.printf("%nEmbedding backfill; mean embedded text %.0f characters; load average after each round %s:%n%n%s%n",
                texts.stream().mapToInt(String::length).average().orElse(0), Arrays.toString(load), table);
    }

    /** Texts per second of {@code threads} threads each embedding its share one by one (null model: the portal's). */
    private double rate(@Nullable EmbeddingModel model, List<String> texts, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int share = texts.size() / threads;
            List<Future<?>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                List<String> part = texts.subList(t * share, (t + 1) * share);
                running.add(pool.submit(() -> part.forEach(text -> {
                    if (model == null) {
                        embedder.embed(text);
                    } else {
                        model.embed(text);
                    }
                })));
            }
            for (Future<?> f : running) {
                f.get();
            }
            return share * threads / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** The embedded texts of the first methods, as the backfill sees them. */
    private List<String> texts(int count) {
        List<String> texts = new ArrayList<>();
        long after = 0;
        while (texts.size() < count) {
            long from = after;
            List<MethodDocument> page = system.callAsSystem(() -> documents.documentsAfter(from, 500));
            if (page.isEmpty()) {
                break;
            }
            page.stream().limit(count - texts.size()).forEach(d -> texts.add(IndexDocument.of(d).semanticText()));
            after = page.getLast().id();
        }
        return texts;
    }
}
