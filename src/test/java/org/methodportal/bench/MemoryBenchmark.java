package org.methodportal.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.methodportal.search.SearchIndexer;
import org.methodportal.shared.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Memory of the portal at the target scale: 100,000 methods and the accounts of the corpus (300,000
 * with {@code gen_corpus.py --users 300000}), the search index rebuilt, then {@link #SESSIONS} people
 * signed in through Chromium, each in a browser of their own that is then killed (so no page sends
 * its goodbye and every session with its Vaadin UI stays open, as with people who leave a tab open).
 * Heap after a full collection and the process's resident memory are read before and every
 * {@link #STEP} sessions. Run it under the JVM settings to recommend, e.g.
 * {@code -DargLine="-Xmx1g --add-modules jdk.incubator.vector"}. Not a test: it prints a table.
 */
@Tag("benchmark")
@ExtendWith(TestDatabase.Availability.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.location=classpath:/", "portal.seed.demo=false",
                "portal.search.reindex-on-startup=never"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = OrganisationScaleBenchmark.Database.class)
class MemoryBenchmark {

    private static final Path DATA = Path.of(System.getProperty("portal.bench.data", "/tmp/bench-100k-300k"));
    private static final int SESSIONS = Integer.getInteger("portal.bench.sessions", 200);
    private static final int STEP = 50;
    private static final int BROWSERS_AT_ONCE = 2;
    private static final String PASSWORD = "benchmark-password";
    /** Generated members: u016000 on are members (every 500th a reviewer). */
    private static final int FIRST_MEMBER = 20_001;

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    SessionCount sessions;

    @Test
    void heapAndResidentMemoryWithOpenSessions() throws Exception {
        MethodCorpusLoader.loadWithOrganisation(dataSource, DATA, passwordEncoder.encode(PASSWORD),
                TestDatabase.isPostgres() ? "PostgreSQL" : "H2 file");
        long indexed = indexer.rebuild("benchmark");
        var rows = new ArrayList<String>();
        Measure start = Measure.now(sessions.open.get());
        rows.add(start.row(start));
        String base = "http://127.0.0.1:" + port + "/";
        var opened = new AtomicInteger();
        long began = System.nanoTime();
        try (ExecutorService browsers = Executors.newFixedThreadPool(BROWSERS_AT_ONCE)) {
            for (int from = 0; from < SESSIONS; from += STEP) {
                List<Future<?>> step = new ArrayList<>();
                for (int i = from; i < Math.min(SESSIONS, from + STEP); i++) {
                    String login = "u%06d".formatted(FIRST_MEMBER + i);
                    step.add(browsers.submit(() -> {
                        KilledBrowser.signInAndLeave(base, login, PASSWORD);
                        opened.incrementAndGet();
                        return null;
                    }));
                }
                for (Future<?> f : step) {
                    f.get();
                }
                rows.add(Measure.now(sessions.open.get()).row(start));
            }
        }
        System.out.printf("""

                corpus %s, %d documents indexed; JVM: %s; max heap %d MB; %d sessions opened in %d s
                load average at the end: %s

                | open sessions | heap used after full GC, MB | heap per session, KB | resident (RSS), MB | committed heap, MB | non-heap, MB |
                |---:|---:|---:|---:|---:|---:|
                %s
                %n""", DATA, indexed, String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
                Runtime.getRuntime().maxMemory() / 1024 / 1024, opened.get(),
                Duration.ofNanos(System.nanoTime() - began).toSeconds(), loadAverage(), String.join("\n", rows));
    }

    /** Heap after collection, resident memory and open sessions at one moment. */
    private record Measure(int sessions, long heapUsed, long heapCommitted, long nonHeap, long rss) {

        static Measure now(int sessions) throws IOException, InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            var memory = ManagementFactory.getMemoryMXBean();
            return new Measure(sessions, memory.getHeapMemoryUsage().getUsed(),
                    memory.getHeapMemoryUsage().getCommitted(), memory.getNonHeapMemoryUsage().getUsed(), residentBytes());
        }

        String row(Measure start) {
            String perSession = sessions == start.sessions ? "" : "%.0f".formatted(
                    (heapUsed - start.heapUsed) / 1024.0 / (sessions - start.sessions));
            return "| %d | %.0f | %s | %.0f | %.0f | %.0f |".formatted(sessions, heapUsed / 1048576.0, perSession,
                    rss / 1048576.0, heapCommitted / 1048576.0, nonHeap / 1048576.0);
        }

        private static long residentBytes() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            return -1;
        }
    }

    private static String loadAverage() throws IOException {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    /** Counts the HTTP sessions that are open (created and not yet destroyed). */
    static final class SessionCount implements HttpSessionListener {
        final AtomicInteger open = new AtomicInteger();

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            open.incrementAndGet();
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            open.decrementAndGet();
        }
    }

    @TestConfiguration
    static class Sessions {
        @Bean
        SessionCount sessionCount() {
            return new SessionCount();
        }
    }
}
