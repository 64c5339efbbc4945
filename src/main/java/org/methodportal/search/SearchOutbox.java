package org.methodportal.search;

import java.time.Clock;

import org.methodportal.search.persistence.SearchOutboxMapper;
import org.methodportal.shared.MethodEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes an outbox row for every event about a method, inside the publisher's transaction (a plain
 * {@code @EventListener}), so the change and the order to index it commit together or not at all.
 * Every event that may change a method's searchable document is a {@link MethodEvent} naming it.
 */
@Component
class SearchOutbox {

    private final SearchOutboxMapper outbox;
    private final Clock clock;

    SearchOutbox(SearchOutboxMapper outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    // Plain listener: the outbox row must commit with the change it indexes.
    @EventListener
    void on(MethodEvent event) {
        outbox.insert(event.methodId(), event.action(), clock.instant());
    }
}
