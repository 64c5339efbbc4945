package org.methodportal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A backup of the portal's database restored into a new, empty one holds the same rows in every
 * table, on H2 and (with {@code -Dportal.test.db=postgres}) on PostgreSQL: the demo data and what
 * {@link EveryKindOfObject} adds (second factor, tokens, hidden and deleted comments, watches,
 * notifications, merges, glossary history, audit). The copy goes through the command-line path:
 * the schema created up to the backup's version, the rows loaded in one transaction.
 */
@Tag("mapper")
@ExtendWith(TestDatabase.Availability.class)
@SpringBootTest(properties = {"spring.config.location=classpath:/", "portal.seed.demo=true"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import(EveryKindOfObject.class)
// closed after the class, not at JVM exit, where the database's own shutdown (H2's hook, the drop of
// the throwaway PostgreSQL database) would race the event registry's last query
@DirtiesContext
class BackupRoundTripTest {

    @Autowired
    DataSource source;
    @Autowired
    EveryKindOfObject everyKind;
    @TempDir
    Path dir;

    private final List<Runnable> cleanUp = new ArrayList<>();

    @AfterEach
    void dropTargets() {
        cleanUp.forEach(Runnable::run);
    }

    @Test
    void aRestoredBackupEqualsTheDatabaseTableByTable() throws Exception {
        everyKind.create();
        Path file = dir.resolve("portal.zip");

        BackupSummary summary = BackupCommand.backup(source, file);
        DataSource target = emptyDatabase();
        BackupCommand.restore(target, file, false, "classpath:db/migration");

        Map<String, List<List<Object>>> before = dump(source);
        Map<String, List<List<Object>>> after = dump(target);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String table : before.keySet()) {
            if (!table.equals(DatabaseBackup.SEARCH_REBUILD_REQUEST)) {
                assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
            }
        }
        assertThat(after.get(DatabaseBackup.SEARCH_REBUILD_REQUEST)).as("the index is rebuilt at the next start")
                .hasSize(before.get(DatabaseBackup.SEARCH_REBUILD_REQUEST).size() + 1);
        assertThat(summary.rows()).isEqualTo(before.values().stream().mapToLong(List::size).sum());
        Set<String> empty = new java.util.TreeSet<>();
        before.forEach((table, rows) -> {
            if (rows.isEmpty()) {
                empty.add(table);
            }
        });
        System.out.println("backup round trip: " + before.size() + " tables, " + summary.rows()
                + " rows; empty in the source: " + empty);
        assertThat(empty).as("every kind of object is in the source").isSubsetOf(ALLOWED_EMPTY);
    }

    @Test
    void newRowsAfterARestoreGetIdsAfterTheRestoredOnes() throws Exception {
        Path file = dir.resolve("portal.zip");
        BackupCommand.backup(source, file);
        DataSource target = emptyDatabase();
        BackupCommand.restore(target, file, false, "classpath:db/migration");

        try (Connection c = target.getConnection(); Statement s = c.createStatement()) {
            long max = scalar(s, "SELECT MAX(id) FROM department");
            s.executeUpdate("INSERT INTO department (name, created_at, version, enabled) "
                    + "VALUES ('恢复后新建', CURRENT_TIMESTAMP, 0, TRUE)");
            assertThat(scalar(s, "SELECT MAX(id) FROM department")).isGreaterThan(max);
        }
    }

    @Test
    void aDatabaseWithContentIsReplacedOnlyWhenAskedAndAnotherSchemaVersionIsRefused() throws Exception {
        Path file = dir.resolve("portal.zip");
        BackupCommand.backup(source, file);
        DataSource target = emptyDatabase();
        BackupCommand.restore(target, file, false, "classpath:db/migration");

        assertThatThrownBy(() -> BackupCommand.restore(target, file, false, "classpath:db/migration"))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.code()).isEqualTo("backup.target-not-empty"));
        BackupCommand.restore(target, file, true, "classpath:db/migration");
        assertThat(dump(target).get("account")).isEqualTo(dump(source).get("account"));

        try (Connection c = target.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET version = '9999' WHERE installed_rank = "
                    + "(SELECT MAX(installed_rank) FROM flyway_schema_history)");
        }
        assertThatThrownBy(() -> BackupCommand.restore(target, file, true, "classpath:db/migration"))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.code()).isEqualTo("backup.schema-version-differs"));
        Files.writeString(file, "not a zip");
        assertThatThrownBy(() -> BackupCommand.restore(target, file, true, "classpath:db/migration"))
                .isInstanceOf(java.util.zip.ZipException.class);
    }

    /** The procedure README documents for PostgreSQL, checked the same way. */
    @Test
    @EnabledIfSystemProperty(named = "portal.test.db", matches = "postgres")
    void pgDumpAndPgRestoreAsDocumentedKeepEveryTable() throws Exception {
        everyKind.create();
        Path file = dir.resolve("portal.dump");
        String url = TestDatabase.url();
        DataSource target = emptyDatabase();
        String targetUrl = ((DriverManagerDataSource) target).getUrl();

        run("pg_dump", "--format=custom", "--no-owner", "--file=" + file, "--dbname=" + libpq(url));
        run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + libpq(targetUrl), file.toString());

        assertThat(dump(target)).isEqualTo(dump(source));
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    /** jdbc:postgresql://host:port/db → postgresql://user@host:port/db for the command-line tools. */
    private static String libpq(String jdbcUrl) {
        String user = System.getProperty("portal.test.pg.user", "postgres");
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int query = rest.indexOf('?');
        return "postgresql://" + user + "@" + (query < 0 ? rest : rest.substring(0, query));
    }

    /** Tables that the portal may leave empty (transient state), all others must hold rows in the source. */
    private static final Set<String> ALLOWED_EMPTY = Set.of("search_outbox", "search_rebuild_request",
            "sign_in_throttle", "event_publication", "import_run", "method_draft");

    private DataSource emptyDatabase() throws SQLException {
        if (!TestDatabase.isPostgres()) {
            return new DriverManagerDataSource("jdbc:h2:mem:restore-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        }
        String url = TestDatabase.url();
        String name = "portal_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        String user = System.getProperty("portal.test.pg.user", "postgres");
        String password = System.getProperty("portal.test.pg.password", "");
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        cleanUp.add(() -> {
            try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("could not drop " + name + ": " + e.getMessage());
            }
        });
        return new DriverManagerDataSource(url.substring(0, url.lastIndexOf('/') + 1) + name, user, password);
    }

    /** Every table's rows as the backup encodes them, in primary-key order. */
    static Map<String, List<List<Object>>> dump(DataSource dataSource) throws SQLException {
        Map<String, List<List<Object>>> tables = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : DatabaseBackup.tables(c)) {
                List<List<Object>> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table
                        + " ORDER BY " + String.join(", ", DatabaseBackup.orderColumns(c, table)))) {
                    ResultSetMetaData meta = r.getMetaData();
                    Map<String, ColumnKind> kinds = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        kinds.put(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT), ColumnKind.of(meta, i));
                    }
                    while (r.next()) {
                        // by column name, so that the order of columns in either database does not matter
                        Map<String, Object> row = new TreeMap<>();
                        int i = 1;
                        for (Map.Entry<String, ColumnKind> kind : kinds.entrySet()) {
                            row.put(kind.getKey(), String.valueOf(kind.getValue().read(r, i++)));
                        }
                        rows.add(new ArrayList<>(row.entrySet().stream().map(e -> (Object) (e.getKey() + "=" + e.getValue())).toList()));
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }

    private static long scalar(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
