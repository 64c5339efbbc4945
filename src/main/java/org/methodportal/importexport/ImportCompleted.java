package org.methodportal.importexport;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.AuditableEvent;

/** An import run ended: its source (file name), the status it imported with and its counts. */
public record ImportCompleted(String source, MethodStatus status, ImportReport report) implements AuditableEvent {

    @Override
    public String action() {
        return "import.completed";
    }

    @Override
    public String objectType() {
        return "import";
    }

    @Override
    public String objectId() {
        return source;
    }

    @Override
    public @Nullable String detail() {
        return status + ": created " + report.created() + ", updated " + report.updated() + ", unchanged "
                + report.unchanged() + ", failed " + report.failed();
    }
}
