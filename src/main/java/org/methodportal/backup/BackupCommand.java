package org.methodportal.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.methodportal.shared.PortalException;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

/**
 * {@code java -jar method-portal.jar backup --to FILE} and {@code restore --from FILE [--replace]},
 * with the portal's own settings (profile, database URL and credentials, data directory) from the
 * same places as a start. Only the database connection is made, nothing else of the portal: the
 * backup reads a PostgreSQL database while the portal runs; the embedded H2 file is locked by a
 * running portal (take that backup on the admin page, or stop the portal). A restore goes into an
 * empty database (the schema is created up to the backup's version), or replaces the content of
 * one at that version with {@code --replace}; the portal's next start migrates it to the current
 * version and rebuilds the search index.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    /** Whether the arguments ask for a backup or restore rather than a start of the portal. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs the command; the exit status (0 when done). */
    public static int run(String[] args) {
        String command = args[0];
        Path file = null;
        boolean replace = false;
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--to", "--from" -> file = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--replace" -> replace = true;
                default -> springArgs.add(args[i]);
            }
        }
        if (file == null) {
            System.err.println("usage: backup --to FILE | restore --from FILE [--replace] [--spring.profiles.active=…]");
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandContext.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(springArgs.toArray(String[]::new))) {
            DataSource dataSource = context.getBean(DataSource.class);
            MessageSource messages = context.getBean(MessageSource.class);
            try {
                BackupSummary summary = command.equals("backup") ? backup(dataSource, file)
                        : restore(dataSource, file, replace,
                                context.getEnvironment().getProperty("spring.flyway.locations", "classpath:db/migration"));
                System.out.printf("%s %s: %d tables, %d rows, schema version %s%n",
                        command.equals("backup") ? "backup written to" : "restored from", file, summary.tables(),
                        summary.rows(), summary.schemaVersion());
                if (command.equals("restore")) {
                    System.out.println("Start the portal: it brings the schema up to date and rebuilds the search index.");
                }
                return 0;
            } catch (PortalException e) {
                System.err.println(messages.getMessage("error." + e.code(), e.args(), e.code(), Locale.ENGLISH));
                return 1;
            }
        } catch (IOException | SQLException | RuntimeException e) {
            System.err.println(command + " failed: " + e.getMessage());
            return 1;
        }
    }

    static BackupSummary backup(DataSource dataSource, Path file) throws IOException, SQLException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        DatabaseBackup.Manifest manifest;
        try (Connection connection = dataSource.getConnection(); OutputStream out = Files.newOutputStream(partial)) {
            manifest = BackupService.snapshot(connection, out, Instant.now());
        }
        // a file by that name is always a whole backup
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return BackupSummary.of(manifest);
    }

    static BackupSummary restore(DataSource dataSource, Path file, boolean replace, String migrations)
            throws IOException, SQLException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            DatabaseBackup.Manifest manifest = DatabaseBackup.manifest(zip, DatabaseBackup.JSON);
            Flyway flyway = Flyway.configure().dataSource(dataSource).locations(migrations.split(","))
                    .target(manifest.schemaVersion()).load();
            if (flyway.info().current() == null) {
                // an empty database: the schema as it was when the backup was taken
                flyway.migrate();
            }
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    DatabaseBackup.restore(connection, zip, DatabaseBackup.JSON, replace);
                    connection.commit();
                } catch (SQLException | IOException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
            return BackupSummary.of(manifest);
        }
    }

    /** The database connection and the messages, nothing else of the portal. */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MessageSourceAutoConfiguration.class})
    static class CommandContext {
    }
}
