package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packaged jar as an operator runs it: copied nowhere, started from an empty directory that has
 * no ./config/. The postgres profile must come from inside the jar and really use PostgreSQL; a
 * mistyped profile or a PostgreSQL profile pointed at H2 must stop the start with a clear message and
 * leave no embedded database behind.
 */
class PackagedJarIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void postgresProfileFromAnEmptyDirectoryUsesPostgres() throws Exception {
        String url = TestDatabase.reachablePostgres();
        Path workDir = emptyDirectory();

        Run run = start(workDir, Map.of("PORTAL_DB_URL", url, "PORTAL_DB_USER", TestDatabase.postgresUser()),
                "--spring.profiles.active=postgres", "--server.port=0");

        assertThat(run.log()).contains("database: " + url).contains("Method Portal is running at");
        assertThat(run.log()).doesNotContain("Demo logins");
        try (Connection c = DriverManager.getConnection(url, TestDatabase.postgresUser(), "");
             Statement s = c.createStatement();
             ResultSet migrations = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            migrations.next();
            assertThat(migrations.getInt(1)).isGreaterThan(10);
        }
        assertThat(h2Files(workDir)).isEmpty();
    }

    @Test
    void aMistypedProfileStopsTheStartAndCreatesNoDatabase() throws Exception {
        Path workDir = emptyDirectory();

        Run run = start(workDir, Map.of(), "--spring.profiles.active=postgress", "--server.port=0");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.log()).contains("APPLICATION FAILED TO START").contains("[postgress] have no settings");
        assertThat(h2Files(workDir)).isEmpty();
    }

    @Test
    void aPostgresProfilePointedAtH2StopsTheStart() throws Exception {
        Path workDir = emptyDirectory();

        Run run = start(workDir, Map.of("PORTAL_DB_URL", "jdbc:h2:file:./data/portal"),
                "--spring.profiles.active=postgres", "--server.port=0");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.log()).contains("require a postgresql database").contains("jdbc:h2:file:./data/portal");
        assertThat(h2Files(workDir)).isEmpty();
    }

    /**
     * The embedded default as an operator backs it up and restores it elsewhere: the portal
     * stopped, {@code backup --to}, then {@code restore --from} into another data directory, whose
     * first start keeps the restored accounts (no demo data, no setup page) and rebuilds the index.
     */
    @Test
    void aBackupTakenOnTheCommandLineRestoresIntoAnotherDataDirectory() throws Exception {
        Path original = emptyDirectory();
        assertThat(start(original, Map.of(), "--server.port=0").log()).contains("Demo logins");
        Path file = original.resolve("portal.zip");

        Run backup = command(original, "backup", "--to", file.toString());
        assertThat(backup.exitCode()).as(backup.log()).isZero();
        assertThat(backup.log()).contains("backup written to");

        Path copy = emptyDirectory();
        Run restore = command(copy, "restore", "--from", file.toString());
        assertThat(restore.exitCode()).as(restore.log()).isZero();
        assertThat(restore.log()).contains("restored from");
        Run again = command(copy, "restore", "--from", file.toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.log()).contains("is not empty");

        Run restored = start(copy, Map.of(), "--server.port=0");
        assertThat(restored.log()).contains("database already has accounts").contains("search index rebuilt at start")
                .doesNotContain("No account exists yet");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("data/portal")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT (SELECT COUNT(*) FROM account), "
                     + "(SELECT COUNT(*) FROM search_rebuild_request)")) {
            rows.next();
            assertThat(rows.getInt(1)).as("the demo accounts, restored").isGreaterThan(3);
            assertThat(rows.getInt(2)).as("the restore's rebuild request, taken at start").isZero();
        }
    }

    private record Run(int exitCode, String log) {
    }

    /** Runs a command of the jar (backup, restore) to its end. */
    private static Run command(Path workDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("PORTAL_DB_") || key.startsWith("SPRING_"));
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), log);
    }

    /**
     * Starts the jar and waits until it is ready (then stops it, exit code -1) or has exited by itself.
     */
    private static Run start(Path workDir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path logFile = workDir.resolve("portal.log");
        var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("PORTAL_DB_") || key.startsWith("SPRING_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
                    return new Run(process.exitValue(), Files.readString(logFile, StandardCharsets.UTF_8));
                }
                String log = Files.readString(logFile, StandardCharsets.UTF_8);
                if (log.contains("Method Portal is running at")) {
                    return new Run(-1, log);
                }
            }
            throw new AssertionError("the jar neither started nor stopped within " + START_TIMEOUT + ":\n"
                    + Files.readString(logFile, StandardCharsets.UTF_8));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The jar `./mvnw verify` packaged before the integration tests. */
    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("method-portal-.*\\.jar"))
                    .toList();
            assertThat(jars).as("the packaged jar in target/ (run ./mvnw verify)").hasSize(1);
            return jars.getFirst().toAbsolutePath();
        }
    }

    private static Path emptyDirectory() throws IOException {
        return Files.createDirectories(Path.of("target", "jar-runs", UUID.randomUUID().toString())).toAbsolutePath();
    }

    private static List<Path> h2Files(Path workDir) throws IOException {
        try (Stream<Path> files = Files.walk(workDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".mv.db")).toList();
        }
    }
}
