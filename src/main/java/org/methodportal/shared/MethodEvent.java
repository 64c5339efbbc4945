package org.methodportal.shared;

/**
 * An audited event about one method whose searchable document may have changed: the search outbox
 * queues that method for indexing in the publisher's transaction.
 */
public interface MethodEvent extends AuditableEvent {

    long methodId();

    @Override
    default String objectType() {
        return "method";
    }

    @Override
    default String objectId() {
        return String.valueOf(methodId());
    }
}
