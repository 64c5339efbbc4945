package org.methodportal.backup;

import java.time.Instant;

/** What a backup holds: when it was taken, at which schema version, how many tables and rows. */
public record BackupSummary(Instant takenAt, String schemaVersion, int tables, long rows) {

    static BackupSummary of(DatabaseBackup.Manifest manifest) {
        return new BackupSummary(manifest.createdAt(), manifest.schemaVersion(), manifest.tables().size(),
                manifest.totalRows());
    }
}
