package org.methodportal.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.stereotype.Component;

/**
 * Deletes the records of completed event publications once they are older than
 * {@code portal.events.keep-completed}: Spring Modulith keeps every one, so the table would grow
 * by a row per notification forever. Incomplete ones stay (they are resubmitted at start). Every
 * instance may run it; deleting the same old rows twice is harmless.
 */
@Component
class EventPublicationCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationCleanup.class);

    private final CompletedEventPublications completed;
    private final EventPublicationProperties properties;
    private volatile Thread thread;

    EventPublicationCleanup(CompletedEventPublications completed, EventPublicationProperties properties) {
        this.completed = completed;
        this.properties = properties;
    }

    /** One clean-up now. */
    void cleanUp() {
        completed.deletePublicationsOlderThan(properties.keepCompleted());
    }

    @Override
    public void start() {
        thread = Thread.ofVirtual().name("event-publication-cleanup").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(properties.cleanupInterval());
                    cleanUp();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.warn("event publication clean-up failed, tried again in {}: {}", properties.cleanupInterval(),
                            e.toString());
                }
            }
        });
    }

    @Override
    public void stop() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
