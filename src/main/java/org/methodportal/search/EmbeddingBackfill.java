package org.methodportal.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodDocument;
import org.methodportal.method.MethodDocumentService;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.shared.BulkWrites;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Computes the embeddings of the methods that have no current one (existing entries when the
 * semantic leg is switched on, a new model, entries whose embedding failed when they were indexed):
 * in the background after start and when an administrator asks. The database is read in pages on
 * one thread; {@code portal.search.semantic.backfill-threads} threads compute the missing ones of
 * each batch, store them and queue their methods in the search outbox, whose worker writes them to
 * the index with their vectors. Searches keep working meanwhile, by words alone for the methods
 * not done yet. A backfill with nothing to compute still reads every method once (a minute or two
 * of a core at 100,000 methods). Several instances sharing a database each run one at start; they
 * may compute the same methods, and store the same vectors.
 */
@Service
public class EmbeddingBackfill {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingBackfill.class);
    static final int PAGE = 500;
    /** Texts per model call and per transaction: small, so the progress moves and a failure loses little. */
    static final int BATCH = 16;
    static final String ACTION = "search.embedding-backfill";
    /**
     * How long the worker must have deferred nothing before the deferred embeddings are computed;
     * while a bulk import runs they wait for its end in any case.
     */
    static final Duration DEFERRED_QUIET = Duration.ofSeconds(3);
    private static final int ERROR_MAX = 500;

    private final MethodEmbeddings embeddings;
    private final MethodDocumentService methods;
    private final SystemAuthentication system;
    private final SearchProperties properties;
    private final Clock clock;
    private final BulkWrites bulkWrites;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong computed = new AtomicLong();
    /** The lowest id the outbox worker indexed without its embedding since the last backfill began; MAX_VALUE: none. */
    private final AtomicLong deferredFrom = new AtomicLong(Long.MAX_VALUE);
    /** When the worker last deferred embeddings (System.nanoTime). */
    private final AtomicLong lastDeferral = new AtomicLong();
    /** Null until a backfill starts (then: none yet, or the leg is off). */
    private volatile @Nullable BackfillStatus status;

    EmbeddingBackfill(MethodEmbeddings embeddings, MethodDocumentService methods, SystemAuthentication system,
                      SearchProperties properties, Clock clock, BulkWrites bulkWrites) {
        this.embeddings = embeddings;
        this.methods = methods;
        this.system = system;
        this.properties = properties;
        this.clock = clock;
        this.bulkWrites = bulkWrites;
        // whether the leg is on is asked when the status is first read, not while the context is built
        this.status = null;
    }

    /** The backfill running now (with its progress) or the last one since this instance started. */
    public BackfillStatus status() {
        BackfillStatus s = status;
        if (s == null) {
            return embeddings.enabled() ? BackfillStatus.NONE : BackfillStatus.OFF;
        }
        return s.running() ? new BackfillStatus(true, true, done.get(), s.total(), computed.get(), s.startedAt(), null,
                s.startedBy(), null) : s;
    }

    /**
     * Computes the missing embeddings on the calling thread (with the pool) and returns how many;
     * refused when the semantic leg is off or a backfill is running.
     */
    public long backfill(String startedBy) {
        claim(startedBy);
        run(startedBy, 0);
        return computed.get();
    }

    /** As {@link #backfill}, on a background thread; refused at once when it cannot start. */
    public void startInBackground(String startedBy) {
        claim(startedBy);
        runInBackground(startedBy, 0);
    }

    /**
     * Methods were indexed without their embeddings (see {@link EmbeddingsDeferred}): a backfill from
     * the lowest of them on starts now, or, when one is running, once it ends.
     */
    @EventListener
    void on(EmbeddingsDeferred event) {
        lastDeferral.set(System.nanoTime());
        deferredFrom.accumulateAndGet(event.fromId(), Math::min);
        startDeferred();
    }

    private void startDeferred() {
        if (deferredFrom.get() == Long.MAX_VALUE || !embeddings.enabled() || !running.compareAndSet(false, true)) {
            return;
        }
        long from = deferredFrom.getAndSet(Long.MAX_VALUE);
        if (from == Long.MAX_VALUE) {
            running.set(false);
            return;
        }
        reset(SystemAuthentication.LOGIN);
        Thread.ofVirtual().name("search-embedding-backfill").start(() -> {
            try {
                // While the backlog goes on (an import still running), its words come first: the
                // model would take the cores from the import and the indexing of the words.
                long quiet = DEFERRED_QUIET.toNanos();
                while (bulkWrites.inProgress() || System.nanoTime() - lastDeferral.get() < quiet) {
                    Thread.sleep(Duration.ofMillis(250));
                }
                run(SystemAuthentication.LOGIN, Math.min(from, deferredFrom.getAndSet(Long.MAX_VALUE)) - 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            } catch (RuntimeException e) {
                log.error("embedding backfill of deferred methods failed", e);
            }
        });
    }

    private void runInBackground(String startedBy, long afterId) {
        Thread.ofVirtual().name("search-embedding-backfill").start(() -> {
            try {
                run(startedBy, afterId);
            } catch (RuntimeException e) {
                log.error("embedding backfill started by {} failed", startedBy, e);
            }
        });
    }

    /** Takes this instance's one backfill slot and resets the progress. */
    private void claim(String startedBy) {
        if (!embeddings.enabled()) {
            throw PortalException.conflict("search.backfill-off");
        }
        if (!running.compareAndSet(false, true)) {
            throw PortalException.conflict("search.backfill-running");
        }
        reset(startedBy);
    }

    private void reset(String startedBy) {
        done.set(0);
        computed.set(0);
        status = new BackfillStatus(true, true, 0, 0, 0, clock.instant(), null, startedBy, null);
    }

    /** Computes what is missing among the methods with an id above {@code afterId} (0: all). */
    private void run(String startedBy, long afterId) {
        Instant started = Objects.requireNonNull(status).startedAt();
        String error = null;
        try {
            long total = system.callAsSystem(() -> methods.countDocumentsAfter(afterId));
            status = new BackfillStatus(true, true, 0, total, 0, started, null, startedBy, null);
            fill(afterId);
            log.info("embedding backfill: {} of {} methods computed in {}", computed.get(), done.get(),
                    Duration.between(started, clock.instant()));
        } catch (RuntimeException e) {
            error = truncate(e.toString());
            throw e;
        } finally {
            status = new BackfillStatus(true, false, done.get(), Math.max(status().total(), done.get()), computed.get(),
                    started, clock.instant(), startedBy, error);
            running.set(false);
            // what the worker deferred while this ran and this did not reach (or reached too early)
            startDeferred();
        }
    }

    /**
     * The reading thread only reads pages from the database; the pool turns each batch into index
     * documents, looks up which lack a current vector, computes, stores and queues those: the
     * model is the cost, and the pool's threads are kept busy with it.
     */
    private void fill(long afterId) {
        try (var work = new BoundedWork("search-embedding", properties.semantic().backfillThreads())) {
            long after = afterId;
            for (List<MethodDocument> page = page(after); !page.isEmpty(); page = page(after)) {
                after = page.getLast().id();
                for (int from = 0; from < page.size(); from += BATCH) {
                    List<MethodDocument> batch = page.subList(from, Math.min(page.size(), from + BATCH));
                    work.submit(() -> {
                        List<IndexDocument> lacking = embeddings.lacking(batch.stream().map(IndexDocument::of).toList());
                        if (!lacking.isEmpty()) {
                            embeddings.storeAndQueue(lacking, embeddings.compute(lacking), ACTION);
                            computed.addAndGet(lacking.size());
                        }
                        done.addAndGet(batch.size());
                    });
                }
            }
            work.finish();
        }
    }

    /** After start, when the semantic leg is on: existing methods get their embeddings meanwhile. */
    @EventListener(ApplicationReadyEvent.class)
    void backfillOnStartup() {
        if (!embeddings.enabled()) {
            return;
        }
        try {
            startInBackground(SystemAuthentication.LOGIN);
        } catch (PortalException e) {
            log.info("embedding backfill already running at start");
        }
    }

    private List<MethodDocument> page(long after) {
        return system.callAsSystem(() -> methods.documentsAfter(after, PAGE));
    }

    private static String truncate(String text) {
        return text.length() <= ERROR_MAX ? text : text.substring(0, ERROR_MAX);
    }
}
