package org.methodportal.importexport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.PortalApplication;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acknowledged commits survive kill -9 on the embedded default. The portal runs in a child JVM
 * (its main class on this classpath, the shipped configuration, a fresh data directory) and imports
 * 2,000 methods sent in requests of 50 lines; a 200 answer is what tells the client that those 50
 * are stored. The child is killed (SIGKILL) right after an acknowledged request, in the middle of
 * one, and again after an acknowledged request; after each restart the database holds every
 * acknowledged method, the import goes on from the first unacknowledged request, and at the end a
 * second run of the whole file changes nothing and search counts what the database holds.
 */
class ImportCrashTest {

    private static final int METHODS = 2_000;
    private static final int PER_REQUEST = 50;
    private static final String TAG = "断电演练";
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:portal-demo-2026".getBytes(UTF_8));
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dataDir = Path.of("target/import-crash", UUID.randomUUID().toString()).toAbsolutePath();
    private Process portal;
    private int port;
    private int starts;

    @AfterEach
    void stopPortal() throws InterruptedException {
        if (portal != null && portal.isAlive()) {
            portal.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyAcknowledgedImportRequestSurvivesKillNineAndTheRerunChangesNothing() throws Exception {
        List<String> lines = GeneratedCorpus.lines("crash-", 0, METHODS, TAG);
        List<String> requests = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += PER_REQUEST) {
            requests.add(String.join("\n", lines.subList(from, from + PER_REQUEST)) + "\n");
        }
        Set<String> acknowledged = new LinkedHashSet<>();

        start();
        int next = importUntil(requests, 0, 6, acknowledged);
        killNine();

        start();
        assertThat(storedIds()).containsAll(acknowledged);
        next = importUntil(requests, next, 16, acknowledged);
        // In the middle of a request: the portal has read four requests' lines of it and waits for
        // the rest of the body when it is killed. None of its methods was acknowledged; none is
        // stored, as its first batch (500 lines) is not complete.
        CountDownLatch bodyHalfSent = new CountDownLatch(1);
        String inFlightLines = String.join("", requests.subList(next, next + 4));
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(importRequest(HttpRequest.BodyPublishers
                .ofInputStream(() -> new SequenceInputStream(new ByteArrayInputStream(inFlightLines.getBytes(UTF_8)),
                        new StalledStream(bodyHalfSent)))), HttpResponse.BodyHandlers.ofString());
        assertThat(bodyHalfSent.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        killNine();
        assertThat(inFlight).failsWithin(Duration.ofSeconds(10));

        start();
        assertThat(storedIds()).containsAll(acknowledged)
                .doesNotContainAnyElementsOf(inFlightLines.lines()
                        .map(line -> JSON.readTree(line).path("id").asString()).toList());
        next = importUntil(requests, next, 30, acknowledged);
        killNine();

        start();
        assertThat(storedIds()).containsAll(acknowledged);
        importUntil(requests, next, requests.size(), acknowledged);
        assertThat(acknowledged).hasSize(METHODS);
        assertThat(storedIds()).containsExactlyInAnyOrderElementsOf(acknowledged);

        JsonNode rerun = JSON.readTree(send(importRequest(String.join("\n", lines) + "\n")).body());
        assertThat(rerun.path("created").asInt()).isZero();
        assertThat(rerun.path("updated").asInt()).isZero();
        assertThat(rerun.path("failed").asInt()).isZero();
        assertThat(rerun.path("unchanged").asInt()).isEqualTo(METHODS);
        assertThat(awaitSearchTotal(METHODS)).isEqualTo(storedIds().size());
    }

    /** Sends requests[from, to) one after another; each 200 acknowledges its methods. Returns {@code to}. */
    private int importUntil(List<String> requests, int from, int to, Set<String> acknowledged) throws Exception {
        for (int i = from; i < to; i++) {
            HttpResponse<String> response = send(importRequest(requests.get(i)));
            assertThat(response.statusCode()).as("import request %d: %s", i, response.body()).isEqualTo(200);
            JsonNode report = JSON.readTree(response.body());
            assertThat(report.path("failed").asInt()).as(response.body()).isZero();
            assertThat(report.path("created").asInt() + report.path("unchanged").asInt()).isEqualTo(PER_REQUEST);
            requests.get(i).lines().map(line -> JSON.readTree(line).path("id").asString()).forEach(acknowledged::add);
        }
        return to;
    }

    private HttpRequest importRequest(String body) {
        return importRequest(HttpRequest.BodyPublishers.ofString(body, UTF_8));
    }

    private HttpRequest importRequest(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(uri("/api/v1/import?status=PUBLISHED")).header("Authorization", ADMIN)
                .header("Content-Type", "application/x-ndjson").timeout(Duration.ofMinutes(2))
                .POST(body).build();
    }

    /** The rest of a body that never comes: says when it is asked for, then blocks until closed or interrupted. */
    private static final class StalledStream extends InputStream {

        private final CountDownLatch asked;
        private final CountDownLatch closed = new CountDownLatch(1);

        StalledStream(CountDownLatch asked) {
            this.asked = asked;
        }

        @Override
        public int read() throws IOException {
            asked.countDown();
            try {
                closed.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    /** The source ids of the imported methods the database holds, read through the export. */
    private Set<String> storedIds() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/export"))
                .header("Authorization", ADMIN).timeout(Duration.ofMinutes(1)).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = response.body().lines().filter(line -> !line.isBlank())
                .map(line -> JSON.readTree(line).path("id").asString()).filter(id -> id.startsWith("crash-")).toList();
        assertThat(new HashSet<>(ids)).as("one method per source id").hasSize(ids.size());
        return new HashSet<>(ids);
    }

    /** The search total of the imported methods once the index caught up with the outbox (or the last one seen). */
    private long awaitSearchTotal(long expected) throws Exception {
        // Generous: after the last restart the index catches up on the backlog the imports held
        // back, while the embedding backfill shares the two cores of a CI machine.
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long total;
        do {
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                    uri("/api/v1/search?size=1&tag=" + URLEncoder.encode(TAG, UTF_8)))
                    .header("Authorization", ADMIN).GET().build());
            total = response.statusCode() == 200 ? JSON.readTree(response.body()).path("total").asLong() : -1;
            if (total == expected) {
                return total;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return total;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Starts the portal's main class on this JVM's classpath with the shipped configuration. */
    private void start() throws Exception {
        port = freePort();
        starts++;
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("portal-" + starts + ".log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        portal = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), PortalApplication.class.getName(),
                // only the classpath configuration: ./config/ of the working directory is not the shipped default
                "--spring.config.location=classpath:/",
                "--portal.data-dir=" + dataDir,
                "--server.port=" + port,
                // durability of the import is measured, not search: no embedding model computing 2,000 vectors
                "--portal.search.semantic.enabled=false",
                // the crash is measured, not sign-in: the demo administrator calls with its password,
                // which an administrator without a second factor set up may not do by default
                "--portal.security.mfa.required-roles=",
                // the test jars on this classpath hold classes Vaadin's class scan cannot read
                "--vaadin.allowed-packages=com.vaadin,org.vaadin,org.methodportal")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            assertThat(portal.isAlive()).as("portal exited, see %s", log).isTrue();
            assertThat(System.nanoTime()).as("portal not up after %s, see %s", START_TIMEOUT, log).isLessThan(deadline);
            try {
                HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
    }

    /** SIGKILL on Linux: no shutdown hook, no close of the database. */
    private void killNine() throws InterruptedException {
        portal.destroyForcibly();
        assertThat(portal.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
