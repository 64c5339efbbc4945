package org.methodportal.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.methodportal.importexport.ImportExportService;
import org.methodportal.importexport.ImportProgress;
import org.methodportal.importexport.ImportReport;
import org.methodportal.importexport.ImportServices;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.TestDatabase;
import org.methodportal.shared.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Bulk import of the generated corpus through the REST API in one streamed request
 * ({@code POST /api/v1/import}, the whole file as the body), against a reference measured in the
 * same run: the first {@link #REFERENCE} entries (under other ids) imported one transaction per entry,
 * as before batches. Then the same file again, which must change nothing. On the embedded H2 file
 * database with the shipped URL (WRITE_DELAY=0) or on PostgreSQL ({@code -Dportal.test.db=postgres}).
 * The outbox worker runs, as in production, so indexing (and the embeddings, unless
 * {@code -Dportal.search.semantic.enabled=false}) competes for the cores. Not a test: it prints a
 * table and asserts only that every entry arrived.
 */
@Tag("benchmark")
@ExtendWith(TestDatabase.Availability.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.location=classpath:/", "portal.seed.demo=true",
                "portal.search.outbox.worker-enabled=true"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = BulkImportBenchmark.Database.class)
class BulkImportBenchmark {

    private static final Path DATA = Path.of(System.getProperty("portal.bench.data", "/tmp/bench-100k"));
    private static final int REFERENCE = Integer.getInteger("portal.bench.reference", 5_000);
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:portal-demo-2026".getBytes(UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    ImportExportService imports;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void importTheCorpusInOneRequest() throws Exception {
        Path file = DATA.resolve("methods.jsonl");
        long entries;
        try (var lines = Files.lines(file, UTF_8)) {
            entries = lines.filter(l -> !l.isBlank()).count();
        }
        String load = loadAverage();

        double reference = oneTransactionPerEntry(file);
        long methodsBefore = methods();
        long start = System.nanoTime();
        HttpResponse<String> first = post(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        long created = methods() - methodsBefore;
        long againStart = System.nanoTime();
        HttpResponse<String> again = post(file);
        double againSeconds = (System.nanoTime() - againStart) / 1e9;
        if (first.statusCode() != 200 || again.statusCode() != 200 || created != entries) {
            throw new IllegalStateException("import answered " + first.statusCode() + " / " + again.statusCode()
                    + ", created " + created + " of " + entries + ": " + first.body().substring(0,
                    Math.min(500, first.body().length())));
        }
        System.out.printf("""

                %d entries (%d MB) from %s into %s; load average before %s, after %s

                | import | entries | seconds | entries/s | ratio to one transaction per entry |
                |---|---:|---:|---:|---:|
                | reference: one transaction per entry (first %d entries, other ids) | %d | %.1f | %.0f | 1.00× |
                | one request, batches of the default size | %d | %.1f | %.0f | %.2f× |
                | the same request again (every entry unchanged, skipped) | %d | %.1f | %.0f | %.2f× |

                first answer: %s
                second answer: %s
                outbox entries left right after the second request: %d
                %n""", entries, Files.size(file) / 1_000_000, file, TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file",
                load, loadAverage(), REFERENCE, REFERENCE, REFERENCE / reference, reference, entries, seconds,
                entries / seconds, entries / seconds / reference, entries, againSeconds, entries / againSeconds,
                entries / againSeconds / reference, abbreviate(first.body()), abbreviate(again.body()),
                jdbc.sql("SELECT COUNT(*) FROM search_outbox").query(Long.class).single());
    }

    /** Entries per second of the reference: the first entries under other ids, one transaction each. */
    private double oneTransactionPerEntry(Path file) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, UTF_8)) {
            String line;
            while (lines.size() < REFERENCE && (line = reader.readLine()) != null) {
                lines.add(line.replaceFirst("\"id\": \"", "\"id\": \"reference-"));
            }
        }
        ImportExportService service = ImportServices.withBatchSize(context, 1);
        TestUsers.signInAs(users, securityContexts, "admin");
        try {
            long start = System.nanoTime();
            ImportReport report = service.importLines(new ByteArrayInputStream((String.join("\n", lines) + "\n")
                    .getBytes(UTF_8)), MethodStatus.PUBLISHED, "reference", ImportProgress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (report.created() != REFERENCE) {
                throw new IllegalStateException("reference created " + report.created() + ": " + report.errors());
            }
            return REFERENCE / seconds;
        } finally {
            securityContexts.clearContext();
        }
    }

    private HttpResponse<String> post(Path file) throws Exception {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/import?status=PUBLISHED"))
                .header("Authorization", ADMIN).header("Content-Type", ImportExportService.MEDIA_TYPE)
                .timeout(Duration.ofHours(1)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long methods() {
        return jdbc.sql("SELECT COUNT(*) FROM method").query(Long.class).single();
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    private static String loadAverage() throws Exception {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    /** PostgreSQL as the tests use it, or a fresh H2 file database with the shipped URL options. */
    static final class Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (TestDatabase.isPostgres()) {
                new TestDatabase.Initializer().initialize(context);
                return;
            }
            String dir = Path.of("target/bench-import", UUID.randomUUID().toString()).toAbsolutePath().toString();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark-database",
                    Map.of("portal.data-dir", dir, "spring.datasource.url", "jdbc:h2:file:" + dir
                            + "/portal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
                            "spring.datasource.username", "sa", "spring.datasource.password", "")));
        }
    }
}
