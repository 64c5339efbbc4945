package org.methodportal.shared;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.Predicate;

import org.springframework.modulith.events.core.EventPublicationRegistry;

/**
 * Waiting in a test for the after-commit listeners ({@code @ApplicationModuleListener}) of an event
 * to have run: they run on their own thread once the publisher's transaction committed, and the
 * event publication registry marks each publication completed when its listener returned.
 */
public final class AfterCommitListeners {

    private static final Duration AT_MOST = Duration.ofSeconds(20);

    private AfterCommitListeners() {
    }

    /** Waits until no publication of an event matching {@code event} is incomplete. */
    public static void awaitCompleted(EventPublicationRegistry registry, Predicate<Object> event) {
        await().atMost(AT_MOST).until(() -> registry.findIncompletePublications().stream()
                .noneMatch(publication -> event.test(publication.getEvent())));
    }

    /** Waits until the after-commit listeners of every event about a method ({@link MethodEvent}) have run. */
    public static void awaitMethodEvents(EventPublicationRegistry registry) {
        awaitCompleted(registry, MethodEvent.class::isInstance);
    }
}
