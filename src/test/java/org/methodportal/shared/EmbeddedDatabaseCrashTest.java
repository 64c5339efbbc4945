package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded database keeps a transaction whole across kill -9, with the shipped URL settings.
 * A child JVM writes transactions of two tables (many rows into one, as many into the other, then
 * commit) until it is killed at a random moment; after each kill the database opens and holds every
 * transaction whole or not at all. H2 2.5.252 kept half of a transaction killed mid-way (the rows
 * of the first table, some of them from a statement that had not finished) and then failed reads
 * with "Row not found in primary index": a bulk import killed during a batch left methods without
 * their audit rows and index entries. Each round's kill lands in an open transaction.
 */
class EmbeddedDatabaseCrashTest {

    private static final int ROUNDS = 40;
    private static final int ROWS = 5_000;

    @Test
    void aTransactionSurvivesKillNineWholeOrNotAtAll(@TempDir Path dataDir) throws Exception {
        String url = shippedUrl(dataDir);
        Random random = new Random(20261206);
        long committed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path ready = dataDir.resolve("writer-" + round + ".ready");
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Writer.class.getName(), url, String.valueOf(ROWS),
                    ready.toString())
                    .redirectErrorStream(true).redirectOutput(dataDir.resolve("writer-" + round + ".log").toFile())
                    .start();
            // The kill lands a random time after the writer began writing, whatever its start took.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ready)) {
                assertThat(writer.isAlive()).as("writer of round %d ended before writing, see its log", round).isTrue();
                assertThat(System.nanoTime()).as("writer of round %d not writing after 60 s", round).isLessThan(deadline);
                Thread.sleep(20);
            }
            Thread.sleep(300 + random.nextInt(2_000));
            assertThat(writer.isAlive()).as("writer of round %d ended early, see its log", round).isTrue();
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<String> broken = brokenTransactions(url);
            assertThat(broken).as("transactions kept in part after the kill of round %d", round).isEmpty();
            committed += committedAndCleared(url);
        }
        assertThat(committed).as("transactions committed in all rounds").isPositive();
    }

    /** The application's datasource URL from the shipped application.yaml, for this data directory. */
    private static String shippedUrl(Path dataDir) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties properties = yaml.getObject();
        assertThat(properties).isNotNull();
        String url = properties.getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:file:${portal.data-dir}/");
        return url.replace("${portal.data-dir}", dataDir.toAbsolutePath().toString());
    }

    private static List<String> brokenTransactions(String url) throws SQLException {
        List<String> broken = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT batch, SUM(in_a), SUM(in_b) FROM (SELECT batch, 1 in_a, 0 in_b"
                     + " FROM crash_a UNION ALL SELECT batch, 0, 1 FROM crash_b) t GROUP BY batch")) {
            while (rows.next()) {
                if (rows.getLong(2) != ROWS || rows.getLong(3) != ROWS) {
                    broken.add("transaction " + rows.getLong(1) + ": " + rows.getLong(2) + " + " + rows.getLong(3) + " rows");
                }
            }
        }
        return broken;
    }

    /** The transactions the round committed; their rows are removed, so that the file stays small. */
    private static long committedAndCleared(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            long committed;
            try (ResultSet count = statement.executeQuery("SELECT COUNT(DISTINCT batch) FROM crash_a")) {
                count.next();
                committed = count.getLong(1);
            }
            statement.execute("TRUNCATE TABLE crash_a");
            statement.execute("TRUNCATE TABLE crash_b");
            return committed;
        }
    }

    /** The child: writes transactions of {@code rows} rows into each of two tables until killed. */
    public static final class Writer {

        private Writer() {
        }

        public static void main(String[] args) throws SQLException, IOException {
            int rows = Integer.parseInt(args[1]);
            try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("CREATE TABLE IF NOT EXISTS crash_a (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                            + " batch BIGINT NOT NULL, payload VARCHAR(4000) NOT NULL)");
                    ddl.execute("CREATE TABLE IF NOT EXISTS crash_b (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                            + " batch BIGINT NOT NULL, payload VARCHAR(200) NOT NULL)");
                    ddl.execute("CREATE INDEX IF NOT EXISTS ix_crash_a_batch ON crash_a (batch)");
                    ddl.execute("CREATE INDEX IF NOT EXISTS ix_crash_b_batch ON crash_b (batch)");
                }
                connection.setAutoCommit(false);
                long batch;
                try (Statement last = connection.createStatement();
                     ResultSet max = last.executeQuery("SELECT COALESCE(MAX(batch), 0) FROM crash_a")) {
                    max.next();
                    batch = max.getLong(1);
                }
                Files.createFile(Path.of(args[2]));
                // about 2.4 KB a row, as a method's text: a transaction is several megabytes
                String text = "支部工作法的针对问题、工作理念和主要措施".repeat(40);
                while (true) {
                    batch++;
                    insert(connection, "INSERT INTO crash_a (batch, payload) VALUES (?, ?)", batch, text, rows);
                    insert(connection, "INSERT INTO crash_b (batch, payload) VALUES (?, ?)", batch, "audit", rows);
                    connection.commit();
                }
            }
        }

        private static void insert(Connection connection, String sql, long batch, String text, int rows)
                throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int i = 0; i < rows; i++) {
                    insert.setLong(1, batch);
                    insert.setString(2, text + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }
}
