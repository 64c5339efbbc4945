package org.methodportal.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.PortalException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup file: a zip with one JSON-lines file per table (a header line with the columns and
 * their kinds, then one JSON array per row, in primary-key order) and a manifest (format, time,
 * schema version, row counts). Written from one read-only transaction, so every table shows the
 * same moment; restored in one transaction into a database of the same schema version whose
 * tables are empty, with the foreign keys checked once everything is in and the identity columns
 * continuing after the restored ids. Flyway's own history is not part of it: the target has its own.
 */
final class DatabaseBackup {

    static final int FORMAT = 1;
    static final String MANIFEST = "manifest.json";
    static final String TABLES = "tables/";
    static final String MIGRATION_HISTORY = "flyway_schema_history";
    /** Read by the search module at start: the index no longer matches the database. */
    static final String SEARCH_REBUILD_REQUEST = "search_rebuild_request";
    private static final int BATCH = 500;
    /** The one JSON setting for backups, so that a command-line backup and the portal's read each other's. */
    static final JsonMapper JSON = JsonMapper.builder().build();

    record TableEntry(String name, long rows) {
    }

    record Manifest(int format, Instant createdAt, String schemaVersion, String database, List<TableEntry> tables) {

        long totalRows() {
            return tables.stream().mapToLong(TableEntry::rows).sum();
        }
    }

    private record Header(List<String> columns, List<ColumnKind> kinds) {
    }

    private DatabaseBackup() {
    }

    /** Writes every table; the caller holds the connection in one read-only, repeatable transaction. */
    static Manifest write(Connection connection, OutputStream out, JsonMapper json, Instant now) throws SQLException {
        try {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            Writer writer = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
            List<TableEntry> entries = new ArrayList<>();
            for (String table : tables(connection)) {
                zip.putNextEntry(new ZipEntry(TABLES + table + ".jsonl"));
                entries.add(new TableEntry(table, writeTable(connection, table, writer, json)));
                writer.flush();
                zip.closeEntry();
            }
            var manifest = new Manifest(FORMAT, now, schemaVersion(connection),
                    connection.getMetaData().getDatabaseProductName(), entries);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            writer.write(json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
            writer.flush();
            zip.closeEntry();
            zip.finish();
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long writeTable(Connection connection, String table, Writer writer, JsonMapper json)
            throws SQLException, IOException {
        long count = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(BATCH);
            try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY "
                    + String.join(", ", orderColumns(connection, table)))) {
                ResultSetMetaData meta = rows.getMetaData();
                List<String> columns = new ArrayList<>();
                List<ColumnKind> kinds = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                    kinds.add(ColumnKind.of(meta, i));
                }
                writer.write(json.writeValueAsString(new Header(columns, kinds)));
                writer.write('\n');
                List<@Nullable Object> values = new ArrayList<>(kinds.size());
                while (rows.next()) {
                    values.clear();
                    for (int i = 0; i < kinds.size(); i++) {
                        values.add(kinds.get(i).read(rows, i + 1));
                    }
                    writer.write(json.writeValueAsString(values));
                    writer.write('\n');
                    count++;
                }
            }
        }
        return count;
    }

    static Manifest manifest(ZipFile zip, JsonMapper json) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw PortalException.invalid("backup.not-a-backup");
        }
        Manifest manifest;
        try (var in = zip.getInputStream(entry)) {
            manifest = json.readValue(in, Manifest.class);
        } catch (RuntimeException e) {
            throw PortalException.invalid("backup.not-a-backup");
        }
        if (manifest.format() != FORMAT) {
            throw PortalException.invalid("backup.format-unknown", manifest.format());
        }
        return manifest;
    }

    /**
     * Loads the backup into the connection's database, in the caller's transaction. Its schema
     * must be at the backup's version; it must hold no accounts unless {@code replace}. Every table
     * is emptied first.
     */
    static Manifest restore(Connection connection, ZipFile zip, JsonMapper json, boolean replace)
            throws SQLException, IOException {
        Manifest manifest = manifest(zip, json);
        String version = schemaVersion(connection);
        if (!version.equals(manifest.schemaVersion())) {
            throw PortalException.invalid("backup.schema-version-differs", manifest.schemaVersion(), version);
        }
        Set<String> targetTables = new TreeSet<>(tables(connection));
        for (TableEntry table : manifest.tables()) {
            if (!targetTables.contains(table.name())) {
                throw PortalException.invalid("backup.table-unknown", table.name());
            }
        }
        // a portal's content starts with its accounts; other rows of a new database are the ones its
        // migrations put there (settings), which the backup brings as they were
        if (!replace && hasRows(connection, "account")) {
            throw PortalException.invalid("backup.target-not-empty", "account");
        }
        ForeignKeys keys = ForeignKeys.suspend(connection);
        try {
            for (String table : targetTables) {
                if (hasRows(connection, table)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate("DELETE FROM " + table);
                    }
                }
            }
            for (TableEntry table : manifest.tables()) {
                loadTable(connection, zip, table, json);
            }
        } finally {
            keys.restore();
        }
        restartIdentities(connection);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + SEARCH_REBUILD_REQUEST + " (requested_at, reason) VALUES ("
                    + "CURRENT_TIMESTAMP, 'restore')");
        }
        return manifest;
    }

    private static void loadTable(Connection connection, ZipFile zip, TableEntry table, JsonMapper json)
            throws SQLException, IOException {
        ZipEntry entry = zip.getEntry(TABLES + table.name() + ".jsonl");
        if (entry == null) {
            throw PortalException.invalid("backup.not-a-backup");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry),
                StandardCharsets.UTF_8))) {
            Header header = json.readValue(reader.readLine(), Header.class);
            Set<String> targetColumns = columns(connection, table.name());
            if (!targetColumns.equals(new TreeSet<>(header.columns()))) {
                throw PortalException.invalid("backup.columns-differ", table.name());
            }
            String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", header.columns()) + ") VALUES ("
                    + String.join(", ", header.columns().stream().map(c -> "?").toList()) + ")";
            long loaded = 0;
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                String line;
                int pending = 0;
                while ((line = reader.readLine()) != null) {
                    JsonNode values = json.readTree(line);
                    for (int i = 0; i < header.kinds().size(); i++) {
                        header.kinds().get(i).bind(insert, i + 1, values.get(i));
                    }
                    insert.addBatch();
                    loaded++;
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            if (loaded != table.rows()) {
                throw PortalException.invalid("backup.rows-missing", table.name());
            }
        }
    }

    /** Tables of the current schema but Flyway's history, by name. */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = CURRENT_SCHEMA AND table_type IN ('BASE TABLE', 'TABLE')
                ORDER BY table_name""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString(1).toLowerCase(Locale.ROOT);
                if (!name.equals(MIGRATION_HISTORY)) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    /** The version of the latest migration applied, e.g. "84". */
    static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM " + MIGRATION_HISTORY
                     + " WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank DESC")) {
            if (!rows.next()) {
                throw PortalException.invalid("backup.no-schema");
            }
            return rows.getString(1);
        }
    }

    /** The primary key's columns, or every column where there is none: a stable order of rows. */
    static List<String> orderColumns(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<Short, String> key = new java.util.TreeMap<>();
        try (ResultSet rows = meta.getPrimaryKeys(null, connection.getSchema(), table)) {
            while (rows.next()) {
                key.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return key.isEmpty() ? new ArrayList<>(columnsInOrder(connection, table)) : new ArrayList<>(key.values());
    }

    private static Set<String> columns(Connection connection, String table) throws SQLException {
        return new TreeSet<>(columnsInOrder(connection, table));
    }

    private static List<String> columnsInOrder(Connection connection, String table) throws SQLException {
        Map<Integer, String> columns = new java.util.TreeMap<>();
        try (ResultSet rows = connection.getMetaData().getColumns(null, connection.getSchema(), table, null)) {
            while (rows.next()) {
                columns.put(rows.getInt("ORDINAL_POSITION"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(columns.values());
    }

    private static boolean hasRows(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
            return rows.next();
        }
    }

    /** New rows get ids after the restored ones. */
    private static void restartIdentities(Connection connection) throws SQLException {
        Map<String, String> identities = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = CURRENT_SCHEMA AND is_identity = 'YES'""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                identities.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2).toLowerCase(Locale.ROOT));
            }
        }
        for (Map.Entry<String, String> identity : identities.entrySet()) {
            long next;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(" + identity.getValue() + "), 0) + 1 FROM "
                         + identity.getKey())) {
                rows.next();
                next = rows.getLong(1);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + identity.getKey() + " ALTER COLUMN " + identity.getValue()
                        + " RESTART WITH " + next);
            }
        }
    }
}
