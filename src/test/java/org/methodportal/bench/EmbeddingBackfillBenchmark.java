package org.methodportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
 * same corpus one by one on one thread, measured before and after the backfill in the same run, and
 * to the model on two threads and in langchain4j's stock ONNX session.
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
    /** Texts of the reference, embedded one by one before and again after the backfill. */
    private static final int REFERENCE = 300;

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
        // the backfill at start found an empty database; it must have ended before the corpus arrives
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (backfill.status().running() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        MethodCorpusLoader.loadWithOrganisation(dataSource, DATA, passwordEncoder.encode("benchmark-password"),
                TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file");
    }

    @Test
    void backfillAgainstOneByOne() throws Exception {
        List<String> texts = texts(REFERENCE);
        embedder.embed(texts.getFirst());
        double before = oneByOne(texts);
        // the same model in langchain4j's own session (a thread per core spinning within each call)
        var stock = new BgeSmallZhV15QuantizedEmbeddingModel(Runnable::run);
        stock.embed(texts.getFirst());
        double stockOne = rate(stock, texts, 1);
        double stockTwo = rate(stock, texts, 2);
        double ownTwo = rate(null, texts, 2);

        long start = System.nanoTime();
        long computed = backfill.backfill("benchmark");
        double backfillSeconds = (System.nanoTime() - start) / 1e9;
        BackfillStatus status = backfill.status();

        start = System.nanoTime();
        int indexed = indexer.drain();
        double drainSeconds = (System.nanoTime() - start) / 1e9;

        double after = oneByOne(texts);
        double reference = (before + after) / 2;
        long stored = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM method_embedding", Long.class);
        assertThat(status.error()).isNull();
        assertThat(computed).isEqualTo(status.total()).isEqualTo(stored).isPositive();
        assertThat(indexed).isEqualTo((int) computed);

        int threads = properties.semantic().backfillThreads();
        double backfillRate = computed / backfillSeconds;
        double endToEnd = computed / (backfillSeconds + drainSeconds);
        double meanLength = texts.stream().mapToInt(String::length).average().orElse(0);
        var table = new StringBuilder("""
                | measure (%s, %d backfill threads, %d methods) | entries/s | ÷ one by one |
                |---|---:|---:|
                """.formatted(TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file", threads, computed));
        table.append("| reference: model alone, one by one on one thread (%d texts, before / after) | %.1f / %.1f | 1.00× |%n"
                .formatted(texts.size(), before, after));
        table.append("| model alone, 2 threads (%d texts) | %.1f | %.2f× |%n".formatted(texts.size(), ownTwo,
                ownTwo / reference));
        table.append("| langchain4j's stock session, one by one on one thread / 2 threads | %.1f / %.1f | %.2f× / %.2f× |%n"
                .formatted(stockOne, stockTwo, stockOne / reference, stockTwo / reference));
        table.append("| backfill: read, embed, store, queue (%.1f s) | %.1f | %.2f× |%n".formatted(backfillSeconds,
                backfillRate, backfillRate / reference));
        table.append("| then the outbox worker indexing them with their vectors (%.1f s) | %.1f | |%n"
                .formatted(drainSeconds, indexed / drainSeconds));
        table.append("| backfill and indexing together | %.1f | %.2f× |%n".formatted(endToEnd, endToEnd / reference));
        System.out.printf("%nEmbedding backfill; mean embedded text %.0f characters; load average at the end %.2f:%n%n%s%n",
                meanLength, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), table);
    }

    /** Texts per second of the model embedding them one after the other on this thread. */
    private double oneByOne(List<String> texts) {
        long start = System.nanoTime();
        for (String text : texts) {
            embedder.embed(text);
        }
        return texts.size() / ((System.nanoTime() - start) / 1e9);
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
