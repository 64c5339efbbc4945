package org.methodportal.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodDocument;
import org.methodportal.method.MethodDocumentService;
import org.methodportal.search.IndexHealth.Cause;
import org.methodportal.search.IndexHealth.Status;
import org.methodportal.search.engine.IndexDamage;
import org.methodportal.search.engine.IndexDamagedException;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.persistence.OutboxRow;
import org.methodportal.search.persistence.ReindexMapper;
import org.methodportal.search.persistence.ReindexRow;
import org.methodportal.search.persistence.SearchOutboxMapper;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalProperties;
import org.methodportal.shared.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Keeps the index in step with the database: drains the outbox in batches (rows locked with SKIP
 * LOCKED, so several instances share the work), retries failures with exponential backoff, and
 * rebuilds the whole index from the database on request or when it starts empty.
 * <p>
 * It also heals the index: one that cannot be opened, has vanished or can no longer be written
 * (seen at start, on a write, a search or the periodic check) is set aside and rebuilt from the
 * database in the background. Until that rebuild is complete, searches answer "rebuilding" rather
 * than from an incomplete index; the outbox keeps every change and replays it at once afterwards.
 */
@Service
public class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    static final int REBUILD_BATCH = 500;
    static final String REINDEX_CATCH_UP = "search.reindex-catch-up";
    private static final int ERROR_MAX = 500;
    /** A reindex whose instance has not reported for this long is taken to have died with it. */
    static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final SearchOutboxMapper outbox;
    private final MethodDocumentService methods;
    /** Embeddings computed while indexing one batch, at most: about a quarter of a second of the model. */
    static final int EMBED_WHILE_INDEXING = 16;

    private final MethodEmbeddings embeddings;
    private final SearchIndex index;
    private final SystemAuthentication system;
    private final SearchProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /**
     * One transaction per batch, opened here rather than by {@code @Transactional}: {@link #drain()}
     * calls {@link #drainBatch()} on this object, where an annotation would not apply.
     */
    private final TransactionOperations transaction;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private final ReindexMapper reindexes;
    /** This process among the instances that share the database, as the reindex row names it. */
    private final String instance;
    private final Object repairLock = new Object();
    private volatile IndexHealth health = IndexHealth.SERVING;
    /** Guarded by repairLock: the failed repair must set the index aside again before rebuilding. */
    private boolean setAsideAgain;
    private int repairFailures;
    private volatile Instant nextRepairAt = Instant.EPOCH;

    SearchIndexer(SearchOutboxMapper outbox, MethodDocumentService methods, MethodEmbeddings embeddings,
                  SearchIndex index, SystemAuthentication system, SearchProperties properties, Clock clock,
                  ApplicationEventPublisher events, TransactionOperations transaction, ReindexMapper reindexes,
                  PortalProperties portal) {
        this.reindexes = reindexes;
        this.instance = portal.instance();
        this.events = events;
        this.transaction = transaction;
        this.outbox = outbox;
        this.methods = methods;
        this.embeddings = embeddings;
        this.index = index;
        this.system = system;
        this.properties = properties;
        this.clock = clock;
        // Decided before the web server takes requests: a damaged or empty index must never answer
        // a search with a wrong empty result while it waits for the rebuild at ApplicationReadyEvent.
        IndexDamage damage = index.damageAtOpen();
        if (damage != null) {
            health = new IndexHealth(Status.REBUILDING, Cause.DAMAGED_AT_START, truncate(damage.reason()),
                    damage.setAside(), clock.instant(), null);
        } else if (countAtStart() == 0 && properties.reindexOnStartup() != SearchProperties.ReindexOnStartup.NEVER) {
            health = new IndexHealth(Status.REBUILDING, Cause.EMPTY_AT_START, "the index was empty or missing at start",
                    null, clock.instant(), null);
        }
    }

    /**
     * Indexes one batch of due outbox entries and removes them; on failure they stay, deferred by
     * the backoff. Each document carries its embedding, stored or else computed and stored here
     * ({@link MethodEmbeddings#withCurrent}). Returns how many entries were claimed (0: nothing due).
     */
    public int drainBatch() {
        Integer claimed = transaction.execute(status -> drainBatchInTransaction());
        return claimed == null ? 0 : claimed;
    }

    private int drainBatchInTransaction() {
        Instant now = clock.instant();
        List<OutboxRow> rows = outbox.claimDue(now, properties.outbox().batchSize());
        if (rows.isEmpty()) {
            return 0;
        }
        Set<Long> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(r.methodId()));
        try {
            List<MethodDocument> documents = system.callAsSystem(() -> methods.documents(ids));
            Set<Long> gone = new HashSet<>(ids);
            documents.forEach(d -> gone.remove(d.id()));
            index.apply(withEmbeddings(documents.stream().map(IndexDocument::of).toList()), gone);
            outbox.deleteByIds(rows.stream().map(OutboxRow::id).toList());
            log.debug("indexed methods {}", ids);
        } catch (RuntimeException e) {
            for (OutboxRow row : rows) {
                outbox.markFailed(row.id(), now.plus(backoff(row.attempts() + 1)), truncate(e.toString()));
            }
            log.warn("indexing methods {} failed, will retry: {}", ids, e.toString());
            if (e instanceof IndexDamagedException damaged) {
                damaged(damaged);
            }
        }
        return rows.size();
    }

    /**
     * The documents with their embeddings: computed here for the few of everyday changes; for a
     * backlog (more than {@link #EMBED_WHILE_INDEXING} lacking one, as after a bulk import) only the
     * stored ones, so that the words of every method are searchable at once, and the backfill
     * computes the rest in the background instead of holding up the index by the model's pace.
     */
    private List<IndexDocument> withEmbeddings(List<IndexDocument> documents) {
        if (documents.size() <= EMBED_WHILE_INDEXING || !embeddings.enabled()) {
            return embeddings.withCurrent(documents);
        }
        List<IndexDocument> stored = embeddings.withStored(documents);
        List<IndexDocument> lacking = stored.stream().filter(d -> d.vector() == null).toList();
        if (lacking.size() <= EMBED_WHILE_INDEXING) {
            return embeddings.withCurrent(documents);
        }
        events.publishEvent(new EmbeddingsDeferred(lacking.stream().mapToLong(IndexDocument::id).min().orElseThrow(),
                lacking.size()));
        return stored;
    }

    /** Drains until nothing is due; returns the entries claimed. */
    public int drain() {
        int total = 0;
        for (int n = drainBatch(); n > 0; n = drainBatch()) {
            total += n;
        }
        return total;
    }

    /** The delay before attempt {@code failures + 1}: the first retry delay doubled per failure, capped. */
    Duration backoff(int failures) {
        Duration first = properties.outbox().firstRetry();
        Duration max = properties.outbox().maxRetry();
        Duration delay = first.multipliedBy(1L << Math.min(failures - 1, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /**
     * Rebuilds the index from the database into a new index that replaces the serving one when
     * complete; changes made meanwhile reach both. Returns the number of methods indexed. Runs on
     * the calling thread; a second reindex while one runs is refused.
     */
    public long rebuild(String startedBy) {
        claim(startedBy);
        return runClaimed(startedBy);
    }

    /** Rebuilds as {@link #rebuild} does, on a background thread; refused at once if one is running. */
    public void rebuildInBackground(String startedBy) {
        claim(startedBy);
        Thread.ofVirtual().name("search-reindex").start(() -> {
            try {
                runClaimed(startedBy);
            } catch (RuntimeException e) {
                log.error("search reindex started by {} failed", startedBy, e);
            }
        });
    }

    /**
     * Takes the one reindex slot of this instance, then the lease shared by every instance on the
     * database (refused, naming the holder, while another instance's reindex reports in), and resets
     * the progress.
     */
    private void claim(String startedBy) {
        if (!rebuilding.compareAndSet(false, true)) {
            throw PortalException.conflict("search.reindex-running");
        }
        Instant now = clock.instant();
        if (reindexes.claim(instance, startedBy, now, now.minus(LEASE)) == 0) {
            rebuilding.set(false);
            ReindexRow holder = reindexes.find();
            throw PortalException.conflict("search.reindex-running-elsewhere", String.valueOf(holder.instance()));
        }
        done.set(0);
        total = 0;
    }

    private volatile long total;

    private long runClaimed(String startedBy) {
        Instant started = clock.instant();
        String error = null;
        try {
            total = system.callAsSystem(methods::countDocuments);
            reindexes.progress(instance, total, 0, clock.instant());
            try (SearchIndex.Rebuild rebuild = index.startRebuild()) {
                fill(rebuild);
                rebuild.complete();
            }
            requeueChangedSince(started);
            log.info("search index rebuilt from the database: {} methods in {}", done.get(),
                    Duration.between(started, clock.instant()));
            return done.get();
        } catch (RuntimeException e) {
            error = truncate(e.toString());
            throw e;
        } finally {
            Instant finished = clock.instant();
            reindexes.finish(instance, Math.max(total, done.get()), done.get(), finished, error);
            rebuilding.set(false);
            repairEnded(error);
            events.publishEvent(new SearchReindexFinished(startedBy, done.get(),
                    Duration.between(started, finished).toMillis(), error));
        }
    }

    // ---- healing

    /** Whether the index serves, is being rebuilt by the portal itself (with why), or failed to be. */
    public IndexHealth health() {
        return health;
    }

    /**
     * Reports a damaged index: it is set aside (kept) and rebuilt from the database in the
     * background, unless that is already under way.
     */
    public void damaged(IndexDamagedException e) {
        synchronized (repairLock) {
            if (health.status() == Status.REBUILDING) {
                return;
            }
            log.error("search index damaged, setting it aside and rebuilding it from the database: {}", e.getMessage());
            setAsideAndRebuild(Cause.DAMAGED, truncate(String.valueOf(e.getMessage())));
        }
    }

    /**
     * The periodic check: whether the serving index is still there and writable (a damaged one is
     * repaired), and a failed repair is tried again once its backoff has passed. Failures to reach
     * the engine (not damage) are thrown for the caller to report.
     */
    public IndexHealth checkIndex() {
        IndexHealth now = health;
        if (now.status() == Status.FAILED) {
            synchronized (repairLock) {
                if (health.status() == Status.FAILED && !clock.instant().isBefore(nextRepairAt)) {
                    log.info("search index repair tried again");
                    if (setAsideAgain) {
                        setAsideAndRebuild(health.cause() == null ? Cause.DAMAGED : health.cause(), health.detail());
                    } else {
                        health = new IndexHealth(Status.REBUILDING, health.cause(), health.detail(), health.setAside(),
                                clock.instant(), null);
                        startRepairRebuild();
                    }
                }
            }
        } else if (now.status() == Status.SERVING) {
            try {
                index.check();
            } catch (IndexDamagedException e) {
                damaged(e);
            }
        }
        return health;
    }

    /** Guarded by repairLock. */
    private void setAsideAndRebuild(Cause cause, @Nullable String detail) {
        String aside;
        try {
            aside = index.setAside();
        } catch (RuntimeException e) {
            log.error("search index could not be set aside, trying again later", e);
            setAsideAgain = true;
            failRepair(cause, detail, null, truncate(e.toString()));
            return;
        }
        setAsideAgain = false;
        health = new IndexHealth(Status.REBUILDING, cause, detail, aside, clock.instant(), null);
        events.publishEvent(new SearchIndexSetAside(String.valueOf(detail), aside));
        startRepairRebuild();
    }

    /**
     * Starts the rebuild that completes a repair; an administrator's reindex running already on this
     * instance completes it instead. One on another instance holds the lease: the repair is tried
     * again after its backoff, when that one has ended or its lease expired.
     */
    private void startRepairRebuild() {
        try {
            rebuildInBackground(SystemAuthentication.LOGIN);
        } catch (PortalException e) {
            if ("search.reindex-running-elsewhere".equals(e.code())) {
                synchronized (repairLock) {
                    IndexHealth h = health;
                    failRepair(h.cause(), h.detail(), h.setAside(), "a reindex runs on " + e.args()[0]);
                }
            } else {
                log.info("a reindex is already running; the search index is usable again when it completes");
            }
        }
    }

    /** After any rebuild: a repair under way is complete (the deferred outbox entries replayed at once) or failed. */
    private void repairEnded(@Nullable String error) {
        synchronized (repairLock) {
            IndexHealth h = health;
            if (h.status() != Status.REBUILDING) {
                return;
            }
            if (error == null) {
                repairFailures = 0;
                health = new IndexHealth(Status.SERVING, h.cause(), h.detail(), h.setAside(), clock.instant(), null);
                try {
                    int replayed = outbox.makeAllDue(clock.instant());
                    log.info("search index repaired from the database; {} deferred outbox entries replayed", replayed);
                } catch (RuntimeException e) {
                    log.warn("search index repaired; deferred outbox entries follow their backoff: {}", e.toString());
                }
            } else {
                failRepair(h.cause(), h.detail(), h.setAside(), error);
            }
        }
    }

    /** Guarded by repairLock. */
    private void failRepair(@Nullable Cause cause,
                            @Nullable String detail,
                            @Nullable String aside, String error) {
        repairFailures++;
        nextRepairAt = clock.instant().plus(backoff(repairFailures));
        health = new IndexHealth(Status.FAILED, cause, detail, aside, clock.instant(), error);
        log.warn("search index repair failed, tried again after {}: {}", nextRepairAt, error);
    }

    /**
     * Queues again the methods changed while the reindex ran. This instance's own writes reached
     * the new index anyway, but the workers of other instances sharing the outbox knew nothing of
     * this reindex and wrote only to the old index; queued again, whichever instance drains them
     * writes them to the new one.
     */
    private void requeueChangedSince(Instant started) {
        List<Long> changed = system.callAsSystem(() -> methods.idsChangedSince(started));
        Instant now = clock.instant();
        changed.forEach(id -> outbox.insert(id, REINDEX_CATCH_UP, now));
        if (!changed.isEmpty()) {
            log.info("{} methods changed during the reindex queued again for the new index", changed.size());
        }
    }

    /**
     * Reads the database in keyset pages on this thread while a small pool turns the pages into
     * index documents and writes them (the analysis is the cost, so it gets the cores); at most two
     * pages per thread wait, which bounds the memory. Documents carry their stored embeddings (one
     * query per page); none is computed here, which would make a reindex last hours: those missing
     * are left to the backfill.
     */
    private void fill(SearchIndex.Rebuild rebuild) {
        try (var work = new BoundedWork("search-reindex", properties.reindexThreads())) {
            long after = 0;
            Instant lastReport = clock.instant();
            for (List<MethodDocument> page = page(after); !page.isEmpty(); page = page(after)) {
                List<MethodDocument> batch = page;
                after = batch.getLast().id();
                Instant now = clock.instant();
                if (!now.isBefore(lastReport.plus(HEARTBEAT))) {
                    // the progress every instance shows, and the proof that this one still holds the lease
                    reindexes.progress(instance, total, done.get(), now);
                    lastReport = now;
                }
                work.submit(() -> {
                    rebuild.add(embeddings.withStored(batch.stream().map(IndexDocument::of).toList()));
                    done.addAndGet(batch.size());
                });
            }
            work.finish();
        }
    }

    public boolean isRebuilding() {
        return rebuilding.get();
    }

    /**
     * The reindex running now on any instance (with its progress; this instance's own counted to the
     * last document) or the last one; one whose instance stopped reporting shows as ended with that
     * reason.
     */
    public ReindexStatus status() {
        ReindexRow row = reindexes.find();
        if (row.startedAt() == null) {
            return ReindexStatus.NONE;
        }
        boolean mine = instance.equals(row.instance());
        if (row.running() && mine && rebuilding.get()) {
            return new ReindexStatus(true, done.get(), total, row.startedAt(), null, row.startedBy(), null);
        }
        boolean alive = row.running() && !mine && row.heartbeatAt() != null
                && row.heartbeatAt().isAfter(clock.instant().minus(LEASE));
        if (row.running() && !alive) {
            return new ReindexStatus(false, row.done(), row.total(), row.startedAt(), row.heartbeatAt(),
                    row.startedBy(), "the instance " + row.instance() + " stopped before the reindex ended");
        }
        return new ReindexStatus(row.running(), row.done(), row.total(), row.startedAt(), row.finishedAt(),
                row.startedBy(), row.error());
    }

    /** What the indexing worker still has to do. */
    public OutboxBacklog backlog() {
        return outbox.backlog();
    }

    /**
     * Rebuilds at start as {@code portal.search.reindex-on-startup} says: always, only when the
     * index is empty or missing (first run, deleted directory, new cluster), or never; an index
     * that could not be opened is rebuilt whatever the setting. In the background: the portal
     * serves meanwhile; an intact old index answers searches until the new one is complete, an
     * empty or damaged one answers "rebuilding". A restored database (see the backup module) is
     * rebuilt whatever the setting. Decided before the start-up announcement, which ends the start's log.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void rebuildOnStartup() {
        IndexHealth h = health;
        // a restore replaced the database under the index: whatever the setting, it no longer matches
        boolean restored = outbox.deleteRebuildRequests() > 0;
        if (h.status() == Status.REBUILDING) {
            if (h.cause() == Cause.EMPTY_AT_START && system.callAsSystem(methods::countDocuments) == 0) {
                health = IndexHealth.SERVING;
                return;
            }
            log.info("search index rebuilt at start: {}", h.detail());
            if (h.cause() == Cause.DAMAGED_AT_START) {
                events.publishEvent(new SearchIndexSetAside(String.valueOf(h.detail()), h.setAside()));
            }
            startRepairRebuild();
        } else if (restored) {
            log.info("search index rebuilt at start: the database was restored from a backup");
            rebuildInBackground(SystemAuthentication.LOGIN);
        } else if (properties.reindexOnStartup() == SearchProperties.ReindexOnStartup.ALWAYS) {
            log.info("search index rebuilt at start (portal.search.reindex-on-startup={})",
                    properties.reindexOnStartup());
            rebuildInBackground(SystemAuthentication.LOGIN);
        } else if (properties.reindexOnStartup() != SearchProperties.ReindexOnStartup.NEVER && index.outdated()) {
            log.info("search index written with an older layout, rebuilt at start; it answers searches meanwhile");
            rebuildInBackground(SystemAuthentication.LOGIN);
        }
    }

    /** The documents indexed, or -1 when the engine cannot be asked (it may be down; the outbox catches up later). */
    private long countAtStart() {
        try {
            return index.count();
        } catch (IndexDamagedException e) {
            log.warn("search index damaged at start, rebuilt: {}", e.getMessage());
            return 0;
        } catch (RuntimeException e) {
            log.warn("search index not reachable at start, not rebuilt: {}", e.toString());
            return -1;
        }
    }

    private List<MethodDocument> page(long after) {
        return system.callAsSystem(() -> methods.documentsAfter(after, REBUILD_BATCH));
    }

    private static String truncate(String text) {
        return text.length() <= ERROR_MAX ? text : text.substring(0, ERROR_MAX);
    }
}
