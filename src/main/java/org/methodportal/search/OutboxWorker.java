package org.methodportal.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the search outbox in the background while the application runs: at once while entries
 * are due, after a pause when none are. Between drains it checks now and then that the index is
 * still there ({@link SearchIndexer#checkIndex()}), so a vanished index is noticed even when
 * nobody writes or searches.
 */
@Component
class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final SearchIndexer indexer;
    private final SearchProperties properties;
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
                    Thread.sleep(properties.outbox().pollInterval());
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
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
