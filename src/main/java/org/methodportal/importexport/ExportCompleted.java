package org.methodportal.importexport;

import org.methodportal.shared.AuditableEvent;

/** Someone exported the methods they may see; {@code count} lines were written. */
public record ExportCompleted(long count) implements AuditableEvent {

    @Override
    public String action() {
        return "export.completed";
    }

    @Override
    public String objectType() {
        return "export";
    }

    @Override
    public String objectId() {
        return "methods";
    }

    @Override
    public String detail() {
        return count + " methods";
    }
}
