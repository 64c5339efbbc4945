package org.methodportal.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The database of mapper tests. By default an H2 database in memory, in the same PostgreSQL mode as
 * the embedded setup. With {@code -Dportal.test.db=postgres} (the surefire execution
 * {@code postgres-mappers}) a throwaway database {@code portal_test_<random>} on the server at
 * {@code portal.test.pg.url}, created once per JVM and dropped when the JVM exits. Flyway migrates
 * either one when the (cached) test context starts.
 */
public final class TestDatabase {

    private static final String H2_URL = "jdbc:h2:mem:portal-mappers-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private static final String PG_ADMIN_URL = System.getProperty("portal.test.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = System.getProperty("portal.test.pg.user", "postgres");
    private static final String PG_PASSWORD = System.getProperty("portal.test.pg.password", "");

    private static String pgUrl;
    private static SQLException pgFailure;

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("portal.test.db"));
    }

    /** The JDBC URL the test context connects to; on PostgreSQL this creates the database first. */
    public static String url() {
        try {
            return isPostgres() ? postgresUrl() : H2_URL;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database unavailable", e);
        }
    }

    /** Remembers the outcome, so an unreachable server costs one attempt per JVM, not one per class. */
    private static synchronized String postgresUrl() throws SQLException {
        if (pgUrl == null && pgFailure == null) {
            String name = "portal_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD);
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name), "drop-" + name));
                pgUrl = withDatabase(PG_ADMIN_URL, name);
            } catch (SQLException e) {
                pgFailure = e;
            }
        }
        if (pgFailure != null) {
            throw pgFailure;
        }
        return pgUrl;
    }

    private static void drop(String name) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            // FORCE (PostgreSQL 13+): the test context's pool may still hold connections at JVM exit.
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    /** jdbc:postgresql://host:port/postgres?x=y → jdbc:postgresql://host:port/name?x=y */
    static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    /** Points {@code spring.datasource.*} at the test database, ahead of application.yaml. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> properties = isPostgres()
                    ? Map.of("spring.datasource.url", url(), "spring.datasource.username", PG_USER,
                            "spring.datasource.password", PG_PASSWORD)
                    : Map.of("spring.datasource.url", url(), "spring.datasource.username", "sa",
                            "spring.datasource.password", "");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("portal-test-database",
                    properties));
        }
    }

    /**
     * Runs before each test instance, so before the Spring context is loaded: without a reachable
     * PostgreSQL each test is skipped (and counted as skipped), with one message on stderr, unless
     * {@code PORTAL_TEST_PG_REQUIRED=true} (CI), where each fails.
     */
    public static final class Availability implements TestInstancePreConstructCallback {

        private static final AtomicBoolean announced = new AtomicBoolean();

        @Override
        public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
            if (isPostgres()) {
                reachablePostgres();
            }
        }
    }

    /**
     * The throwaway PostgreSQL database whatever {@code portal.test.db} says, for tests that need
     * PostgreSQL itself (e.g. the packaged application started in a child process). Without a reachable
     * server the test is skipped, or fails with {@code PORTAL_TEST_PG_REQUIRED=true}, like the mapper tests.
     */
    public static String reachablePostgres() {
        try {
            return postgresUrl();
        } catch (SQLException e) {
            String message = "PostgreSQL at " + PG_ADMIN_URL + " is unreachable (" + e.getMessage() + ")";
            if (Boolean.parseBoolean(System.getenv("PORTAL_TEST_PG_REQUIRED"))) {
                throw new IllegalStateException(message + " and PORTAL_TEST_PG_REQUIRED=true", e);
            }
            if (!Availability.announced.getAndSet(true)) {
                System.err.println("SKIPPING the tests on PostgreSQL: " + message
                        + ". Start PostgreSQL, or set PORTAL_TEST_PG_REQUIRED=true to fail instead.");
            }
            return Assumptions.abort(message);
        }
    }

    public static String postgresUser() {
        return PG_USER;
    }
}
