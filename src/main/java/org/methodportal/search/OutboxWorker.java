package org.methodportal.search;

import java.time.Duration;

import org.methodportal.shared.BulkWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the search outbox in the background while the application runs: at once while entries
 * are due, after a pause when none are. Between drains it checks now and then that the index is
 * still there ({@link SearchIndexer#checkIndex()}), so a vanished index is noticed even when
 * nobody writes or searches. Stopping never interrupts the thread: an interrupt during Lucene's
 * file I/O closes the index files (ClosedByInterruptException) and would be taken for a damaged
 * index; the worker is woken from its pause instead and the drain under way is waited for. While a
 * bulk import runs it drains one batch every few seconds only, leaving the cores to the import (on
 * two cores indexing at full pace takes a fifth of the import's speed), and catches up afterwards.
 */
@Component
class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    /** The pause between batches while a bulk import runs: the import gets the cores, the index follows after. */
    static final Duration PAUSE_DURING_BULK_WRITES = Duration.ofSeconds(5);

    private final SearchIndexer indexer;
    private final SearchProperties properties;
    private final BulkWrites bulkWrites;
    private final Object pause = new Object();
    private volatile boolean running;
    private Thread thread;

    OutboxWorker(SearchIndexer indexer, SearchProperties properties, BulkWrites bulkWrites) {
        this.indexer = indexer;
        this.properties = properties;
        this.bulkWrites = bulkWrites;
    }

    @Override
    public void start() {
        if (!properties.outbox().workerEnabled()) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name("search-outbox").start(this::run);
    }

    private void run() {
        long nextCheck = System.nanoTime();
        while (running) {
            int claimed = 0;
            try {
                claimed = indexer.drainBatch();
            } catch (RuntimeException e) {
                log.warn("search outbox drain failed: {}", e.toString());
            }
            if (System.nanoTime() - nextCheck >= 0) {
                nextCheck = System.nanoTime() + properties.outbox().checkInterval().toNanos();
                try {
                    indexer.checkIndex();
                } catch (RuntimeException e) {
                    log.debug("search index check failed: {}", e.toString());
                }
            }
            boolean yield = bulkWrites.inProgress();
            if (claimed == 0 || yield) {
                long millis = (yield ? PAUSE_DURING_BULK_WRITES : properties.outbox().pollInterval()).toMillis();
                try {
                    synchronized (pause) {
                        if (running) {
                            pause.wait(Math.max(1, millis));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        if (thread != null) {
            try {
                if (!thread.join(STOP_WAIT)) {
                    log.warn("search outbox worker still busy after {}; leaving it to finish", STOP_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
