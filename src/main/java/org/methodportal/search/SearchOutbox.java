package org.methodportal.search;

import java.time.Clock;

import org.methodportal.search.persistence.SearchOutboxMapper;
import org.methodportal.shared.AuditableEvent;
import org.methodportal.shared.MethodEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes an outbox row for every event about a method, inside the publisher's transaction (a plain
 * {@code @EventListener}), so the change and the order to index it commit together or not at all.
 * A {@link MethodEvent} names its method; the method module's own events still name it as the
 * object id of an {@link AuditableEvent} with object type "method", read here until they are
 * {@link MethodEvent}s too.
 */
@Component
class SearchOutbox {

    private static final Logger log = LoggerFactory.getLogger(SearchOutbox.class);
    static final String METHOD = "method";

    private final SearchOutboxMapper outbox;
    private final Clock clock;

    SearchOutbox(SearchOutboxMapper outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    // Plain listener: the outbox row must commit with the change it indexes.
    @EventListener
    void on(AuditableEvent event) {
        if (event instanceof MethodEvent about) {
            outbox.insert(about.methodId(), about.action(), clock.instant());
            return;
        }
        if (!METHOD.equals(event.objectType())) {
            return;
        }
        long methodId;
        try {
            methodId = Long.parseLong(event.objectId());
        } catch (NumberFormatException e) {
            // never fail the publisher's transaction over the index; a reindex repairs what is missed
            log.warn("event {} names method '{}', not an id: not queued for the search index", event.action(),
                    event.objectId());
            return;
        }
        outbox.insert(methodId, event.action(), clock.instant());
    }
}
