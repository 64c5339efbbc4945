package org.methodportal.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrates after accepting a few applied migrations whose comments were reworded later (their SQL
 * is the same). Flyway's checksum covers comments too, so a database migrated before the rewording
 * would fail validation; for exactly these files, and only where the recorded checksum is the one
 * of the old wording, the recorded checksum is set to the new one. Any other difference still fails
 * validation as it should: this is not {@code flyway repair}.
 */
@Component
class RevisedMigrationComments implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(RevisedMigrationComments.class);

    /** A migration whose comment lines changed: its version, checksum before and after. */
    record Reworded(String version, int before, int after) {
    }

    static final List<Reworded> REWORDED = List.of(
            new Reworded("60", -1439271768, -145171786),
            new Reworded("70", -287074639, -507930737),
            new Reworded("71", -1822583294, -1077448884));

    @Override
    public void migrate(Flyway flyway) {
        acceptRewording(flyway.getConfiguration().getDataSource(), flyway.getConfiguration().getTable());
        flyway.migrate();
    }

    static void acceptRewording(DataSource dataSource, String historyTable) {
        try (Connection connection = dataSource.getConnection()) {
            if (!hasTable(connection, historyTable)) {
                return;
            }
            // The table name is Flyway's own setting, not user input; it cannot be a bound parameter.
            String sql = "UPDATE " + historyTable + " SET checksum = ? WHERE version = ? AND checksum = ?";
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (Reworded migration : REWORDED) {
                    update.setInt(1, migration.after());
                    update.setString(2, migration.version());
                    update.setInt(3, migration.before());
                    if (update.executeUpdate() > 0) {
                        log.info("migration V{}: recorded checksum updated for its reworded comments", migration.version());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the migration history: " + e.getMessage(), e);
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }
}
