package org.methodportal.backup;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javax.sql.DataSource;

import org.methodportal.shared.PortalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Backups of the running portal for administrators (admin page, REST). The backup reads every
 * table on one connection of its own in one read-only transaction, so it is a consistent snapshot
 * while others go on writing; it reads the tables directly rather than through the modules'
 * mappers because it must take every table whole, whatever module owns it.
 */
@Service
public class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final DataSource dataSource;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transaction;

    BackupService(DataSource dataSource, Clock clock, ApplicationEventPublisher events,
                  TransactionOperations transaction) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.events = events;
        this.transaction = transaction;
    }

    /** A file name for a backup taken now, e.g. {@code method-portal-20261206-0815.zip}. */
    @PreAuthorize("hasRole('ADMIN')")
    public String fileName() {
        return "method-portal-" + FILE_TIME.format(clock.instant()) + ".zip";
    }

    /** Writes a backup of the whole database to {@code out} and audits it. */
    @PreAuthorize("hasRole('ADMIN')")
    public BackupSummary write(OutputStream out) {
        DatabaseBackup.Manifest manifest;
        try (Connection connection = dataSource.getConnection()) {
            manifest = snapshot(connection, out, clock.instant());
        } catch (SQLException e) {
            log.error("backup failed", e);
            throw new PortalException(PortalException.Kind.UNAVAILABLE, "backup.failed");
        }
        BackupSummary summary = BackupSummary.of(manifest);
        // audited after the read-only snapshot, in a transaction that may write
        transaction.executeWithoutResult(status -> events.publishEvent(
                new BackupTaken(summary.tables(), summary.rows(), summary.schemaVersion())));
        log.info("backup taken: {} tables, {} rows, schema version {}", summary.tables(), summary.rows(),
                summary.schemaVersion());
        return summary;
    }

    /** One read-only transaction that sees every table at the same moment. */
    static DatabaseBackup.Manifest snapshot(Connection connection, OutputStream out, Instant now) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                .contains("postgres");
        connection.setAutoCommit(false);
        // PostgreSQL's repeatable read is a snapshot of the whole database; H2 gives that with serializable
        connection.setTransactionIsolation(postgres ? Connection.TRANSACTION_REPEATABLE_READ
                : Connection.TRANSACTION_SERIALIZABLE);
        connection.setReadOnly(true);
        try {
            DatabaseBackup.Manifest manifest = DatabaseBackup.write(connection, out, DatabaseBackup.JSON, now);
            connection.commit();
            return manifest;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }
}
