package org.methodportal.search;

import java.time.Duration;

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
 * index; the worker is woken from its pause instead and the drain under way is waited for.
 */
@Component
class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final SearchIndexer indexer;
    private final SearchProperties properties;
    private final Object pause = new Object();
    private volatile boolean running;
    private Thread thread;

    OutboxWorker(SearchIndexer indexer, SearchProperties properties) {
        this.indexer = indexer;
        this.properties = properties;
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
            if (claimed == 0) {
                try {
                    synchronized (pause) {
                        if (running) {
                            pause.wait(Math.max(1, properties.outbox().pollInterval().toMillis()));
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
