package org.methodportal.search;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.methodportal.search.persistence.OutboxEntry;
import org.methodportal.search.persistence.SearchOutboxMapper;
import org.methodportal.shared.MethodEvent;
import org.methodportal.shared.MethodEventBatch;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes an outbox row for every event about a method, inside the publisher's transaction (a plain
 * {@code @EventListener}), so the change and the order to index it commit together or not at all.
 * Every event that may change a method's searchable document is a {@link MethodEvent} naming it.
 */
@Component
class SearchOutbox {

    /** Rows per statement of a batch: far below the parameter limits of both databases. */
    private static final int INSERT_CHUNK = 1_000;

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

    /** One entry per method of the batch (the last event's action names it), in one statement per chunk. */
    @EventListener
    void on(MethodEventBatch batch) {
        Map<Long, String> actions = new LinkedHashMap<>();
        batch.events().forEach(e -> actions.put(e.methodId(), e.action()));
        List<OutboxEntry> entries = actions.entrySet().stream()
                .map(e -> new OutboxEntry(e.getKey(), e.getValue())).toList();
        for (int from = 0; from < entries.size(); from += INSERT_CHUNK) {
            outbox.insertAll(entries.subList(from, Math.min(entries.size(), from + INSERT_CHUNK)), clock.instant());
        }
    }
}
