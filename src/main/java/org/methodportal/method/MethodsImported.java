package org.methodportal.method;

import java.util.List;

import org.methodportal.shared.MethodEvent;
import org.methodportal.shared.MethodEventBatch;

/**
 * A bulk import's batch created these methods: for each a {@link MethodRevisionEvent.MethodCreated}
 * and a {@link MethodImported}, audited and queued for indexing together rather than one by one.
 */
public record MethodsImported(List<MethodEvent> events) implements MethodEventBatch {

    public MethodsImported {
        events = List.copyOf(events);
    }
}
