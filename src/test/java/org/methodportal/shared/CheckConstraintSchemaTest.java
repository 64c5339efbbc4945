package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The schema as the application starts it (Flyway, then the connection pool), after the pool has
 * replaced every connection it held, as it does after {@code max-lifetime}: every table with a
 * CHECK constraint still takes writes. H2 2.4 bound an {@code IN (...)} check to the session that
 * created it, so once the migrating connection was retired every insert into {@code method} failed
 * with "Check constraint invalid". On H2 this runs the shipped file-mode URL (no DB_CLOSE_DELAY),
 * on PostgreSQL ({@code -Dportal.test.db=postgres}) the throwaway test database.
 */
@Tag("mapper")
@ExtendWith(TestDatabase.Availability.class)
@MybatisTest(properties = "spring.config.location=classpath:/")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = CheckConstraintSchemaTest.Initializer.class)
@Import(MigrationConfig.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class CheckConstraintSchemaTest {

    private static final Duration EVICTION_TIMEOUT = Duration.ofSeconds(30);
    private static final String APPLICATION_NAME = "check-constraint-schema";

    @Autowired
    DataSource dataSource;

    @Test
    void everyTableWithACheckConstraintTakesWritesAfterThePoolReplacedItsConnections() throws Exception {
        HikariDataSource pool = (HikariDataSource) dataSource;
        try (Connection warm = pool.getConnection()) {
            assertThat(warm.isValid(1)).isTrue();
        }
        // Another user of the database keeps it open meanwhile, as a running portal's other
        // connections do while one of them reaches its max-lifetime.
        try (Connection other = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
            Set<String> before = sessions(other);
            before.remove(ownSession(other));
            pool.getHikariPoolMXBean().softEvictConnections();
            awaitClosed(other, before);

            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    writeFixture(c);
                    Map<String, Set<String>> checked = checkedColumns(c);
                    assertThat(checked).as("tables with a CHECK constraint").containsKeys("method", "review");
                    for (var table : checked.entrySet()) {
                        assertThat(count(c, table.getKey()))
                                .as("rows in %s: add one to db/check-constraint-rows.sql", table.getKey())
                                .isPositive();
                        String assignments = String.join(", ",
                                table.getValue().stream().map(col -> col + " = " + col).toList());
                        try (Statement s = c.createStatement()) {
                            assertThat(s.executeUpdate("UPDATE " + table.getKey() + " SET " + assignments))
                                    .as("rows rewritten in %s", table.getKey()).isPositive();
                        }
                    }
                } finally {
                    c.rollback();
                }
            }
        }
    }

    private static void writeFixture(Connection c) throws IOException, SQLException {
        String script = new ClassPathResource("db/check-constraint-rows.sql").getContentAsString(StandardCharsets.UTF_8);
        try (Statement s = c.createStatement()) {
            for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.executeUpdate(statement);
                }
            }
        }
    }

    /** Table → columns of its CHECK constraints, from the catalog, so a new constraint is covered unasked. */
    private static Map<String, Set<String>> checkedColumns(Connection c) throws SQLException {
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        // PostgreSQL lists NOT NULL constraints as CHECK constraints named ..._not_null.
        String sql = """
                SELECT u.table_name, u.column_name
                FROM information_schema.table_constraints t
                JOIN information_schema.constraint_column_usage u
                  ON u.constraint_schema = t.constraint_schema AND u.constraint_name = t.constraint_name
                WHERE t.constraint_type = 'CHECK' AND t.table_schema = current_schema()
                  AND t.constraint_name NOT LIKE '%not_null'
                ORDER BY u.table_name, u.column_name""";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        return columns;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> sessions(Connection c) throws SQLException {
        String sql = TestDatabase.isPostgres()
                // other test contexts share the PostgreSQL test database: only this pool's sessions
                ? "SELECT pid FROM pg_stat_activity WHERE application_name = '" + APPLICATION_NAME + "'"
                : "SELECT session_id FROM information_schema.sessions";
        Set<String> ids = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static String ownSession(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                TestDatabase.isPostgres() ? "SELECT pg_backend_pid()" : "SELECT SESSION_ID()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Evicted connections are closed in the background; waits until every one of them is gone. */
    private static void awaitClosed(Connection c, Set<String> evicted) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + EVICTION_TIMEOUT.toNanos();
        List<String> open = new ArrayList<>(evicted);
        while (!open.isEmpty()) {
            assertThat(System.nanoTime()).as("evicted sessions still open: %s", open).isLessThan(deadline);
            Thread.sleep(100);
            open.retainAll(sessions(c));
        }
    }

    /** H2: the shipped file-mode URL in a fresh data directory; PostgreSQL: the test database. */
    static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (TestDatabase.isPostgres()) {
                new TestDatabase.Initializer().initialize(context);
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("check-constraint-schema",
                        Map.of("spring.datasource.hikari.data-source-properties.ApplicationName", APPLICATION_NAME)));
                return;
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("check-constraint-schema",
                    Map.of("portal.data-dir", "./target/check-constraint-schema/" + UUID.randomUUID())));
        }
    }
}
