package org.methodportal.backup;

import org.methodportal.shared.AuditableEvent;

/** An administrator took a backup of the whole database: {@code tables} tables, {@code rows} rows. */
public record BackupTaken(int tables, long rows, String schemaVersion) implements AuditableEvent {

    @Override
    public String action() {
        return "backup.taken";
    }

    @Override
    public String objectType() {
        return "database";
    }

    @Override
    public String objectId() {
        return "V" + schemaVersion;
    }

    @Override
    public String detail() {
        return tables + " tables, " + rows + " rows";
    }
}
