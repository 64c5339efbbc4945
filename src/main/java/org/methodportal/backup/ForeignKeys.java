package org.methodportal.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Foreign keys off while a restore loads the tables (some tables refer to each other, so no order
 * of inserts satisfies every key on the way), checked again when it is done. PostgreSQL: the
 * constraints are dropped and added again in the same transaction, which validates every row
 * (no superuser right needed, the portal's user owns its tables). H2: its referential integrity
 * switch; the source was a consistent database, so its rows satisfy the keys.
 */
final class ForeignKeys {

    private record Constraint(String table, String name, String definition) {
    }

    private final Connection connection;
    private final boolean postgres;
    private final List<Constraint> dropped = new ArrayList<>();

    private ForeignKeys(Connection connection) throws SQLException {
        this.connection = connection;
        this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    static ForeignKeys suspend(Connection connection) throws SQLException {
        ForeignKeys keys = new ForeignKeys(connection);
        keys.off();
        return keys;
    }

    private void off() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!postgres) {
                statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
                return;
            }
            try (ResultSet rows = statement.executeQuery("""
                    SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
                    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                    WHERE c.contype = 'f' AND n.nspname = current_schema()""")) {
                while (rows.next()) {
                    dropped.add(new Constraint(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            for (Constraint c : dropped) {
                statement.execute("ALTER TABLE " + c.table() + " DROP CONSTRAINT " + c.name());
            }
        }
    }

    void restore() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!postgres) {
                statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
                return;
            }
            for (Constraint c : dropped) {
                statement.execute("ALTER TABLE " + c.table() + " ADD CONSTRAINT " + c.name() + " " + c.definition());
            }
        }
    }
}
