package org.methodportal.search;

import java.time.Clock;

import org.methodportal.search.persistence.SearchOutboxMapper;
import org.methodportal.shared.AuditableEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes an outbox row for every event about a method, inside the publisher's transaction (a plain
 * {@code @EventListener}), so the change and the order to index it commit together or not at all.
 * Any {@link AuditableEvent} with object type "method" counts (created, revised, and later
 * published, archived, merged, deleted): new event types need no change here.
 */
@Component
class SearchOutbox {

    static final String METHOD = "method";

    private final SearchOutboxMapper outbox;
    private final Clock clock;

    SearchOutbox(SearchOutboxMapper outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void on(AuditableEvent event) {
        if (METHOD.equals(event.objectType())) {
            outbox.insert(Long.parseLong(event.objectId()), event.action(), clock.instant());
        }
    }
}
