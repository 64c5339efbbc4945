package org.methodportal.shared;

import java.time.Duration;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.stereotype.Component;

/**
 * Deletes the records of completed event publications once they are older than
 * {@code portal.events.keep-completed}: Spring Modulith keeps every one, so the table would grow
 * by a row per notification forever. Incomplete ones stay (they are resubmitted at start). Every
 * instance may run it; deleting the same old rows twice is harmless.
 */
@Component
class EventPublicationCleanup extends PeriodicTask {

    private final CompletedEventPublications completed;
    private final EventPublicationProperties properties;

    EventPublicationCleanup(CompletedEventPublications completed, EventPublicationProperties properties) {
        super("event-publication-cleanup");
        this.completed = completed;
        this.properties = properties;
    }

    /** One clean-up now. */
    void cleanUp() {
        completed.deletePublicationsOlderThan(properties.keepCompleted());
    }

    @Override
    protected Duration firstDelay() {
        return properties.cleanupInterval();
    }

    @Override
    protected Duration interval() {
        return properties.cleanupInterval();
    }

    @Override
    protected void runOnce() {
        cleanUp();
    }
}
