package org.methodportal.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.methodportal.method.MethodDocument;
import org.methodportal.method.MethodDocumentService;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.persistence.OutboxRow;
import org.methodportal.search.persistence.SearchOutboxMapper;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the index in step with the database: drains the outbox in batches (rows locked with SKIP
 * LOCKED, so several instances share the work), retries failures with exponential backoff, and
 * rebuilds the whole index from the database on request or when it starts empty.
 */
@Service
public class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    static final int REBUILD_BATCH = 500;
    private static final int ERROR_MAX = 500;

    private final SearchOutboxMapper outbox;
    private final MethodDocumentService methods;
    private final SearchIndex index;
    private final SystemAuthentication system;
    private final SearchProperties properties;
    private final Clock clock;
    private final AtomicBoolean rebuilding = new AtomicBoolean();

    SearchIndexer(SearchOutboxMapper outbox, MethodDocumentService methods, SearchIndex index,
                  SystemAuthentication system, SearchProperties properties, Clock clock) {
        this.outbox = outbox;
        this.methods = methods;
        this.index = index;
        this.system = system;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Indexes one batch of due outbox entries and removes them; on failure they stay, deferred by
     * the backoff. Returns how many entries were claimed (0: nothing due).
     */
    @Transactional
    public int drainBatch() {
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
            index.apply(documents.stream().map(IndexDocument::of).toList(), gone);
            outbox.deleteByIds(rows.stream().map(OutboxRow::id).toList());
            log.debug("indexed methods {}", ids);
        } catch (RuntimeException e) {
            for (OutboxRow row : rows) {
                outbox.markFailed(row.id(), now.plus(backoff(row.attempts() + 1)), truncate(e.toString()));
            }
            log.warn("indexing methods {} failed, will retry: {}", ids, e.toString());
        }
        return rows.size();
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
     * complete; changes made meanwhile reach both. Returns the number of methods indexed.
     */
    public long rebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            throw PortalException.conflict("search.reindex-running");
        }
        try (SearchIndex.Rebuild rebuild = index.startRebuild()) {
            long count = 0;
            long after = 0;
            for (List<MethodDocument> batch = page(after); !batch.isEmpty(); batch = page(after)) {
                rebuild.add(batch.stream().map(IndexDocument::of).toList());
                count += batch.size();
                after = batch.getLast().id();
            }
            rebuild.complete();
            log.info("search index rebuilt from the database: {} methods", count);
            return count;
        } finally {
            rebuilding.set(false);
        }
    }

    public boolean isRebuilding() {
        return rebuilding.get();
    }

    /** An index that is empty or missing at start (first run, deleted directory) is rebuilt in the background. */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfEmpty() {
        if (properties.rebuildOnStartup() && countAtStart() == 0) {
            Thread.ofVirtual().name("search-rebuild").start(() -> {
                try {
                    long count = rebuild();
                    log.info("empty search index rebuilt at start: {} methods", count);
                } catch (RuntimeException e) {
                    log.error("rebuilding the empty search index at start failed", e);
                }
            });
        }
    }

    /** The documents indexed, or -1 when the engine cannot be asked (it may be down; the outbox catches up later). */
    private long countAtStart() {
        try {
            return index.count();
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
