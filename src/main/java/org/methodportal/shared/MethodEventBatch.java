package org.methodportal.shared;

import java.util.List;

/**
 * Many {@link MethodEvent}s of one transaction published at once (a bulk import's batch): the audit
 * trail gets a row for each, the search outbox one entry per method, each in one statement rather
 * than one per event.
 */
public interface MethodEventBatch {

    List<? extends MethodEvent> events();
}
