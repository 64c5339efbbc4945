package org.methodportal.bench;

import static org.methodportal.shared.TestUsers.signInAs;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.methodportal.account.ApiTokenScope;
import org.methodportal.account.ApiTokenService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * What signing every REST call in costs: HTTP Basic (the password's bcrypt hash checked on every
 * call) against a personal API token (a SHA-256 and one indexed lookup), through the running
 * server over HTTP on the demo data. One client: {@code /api/v1/me} p50 and p95, the two kinds
 * interleaved call by call; 16 clients: queries per second for a fixed time each, Basic, token,
 * Basic again, so that drift in the machine's load shows; and the token check alone, in process.
 * Not a test: it prints a table and asserts nothing.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.location=classpath:/", "portal.seed.demo=true"})
@ActiveProfiles("test")
class ApiAuthBenchmark {

    private static final int ONE_CLIENT_CALLS = Integer.getInteger("portal.bench.calls", 400);
    private static final int CLIENTS = 16;
    private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("portal.bench.seconds", 10));
    private static final String SEARCH = "/api/v1/search?q=" + URLEncoder.encode("新同志怎么带", StandardCharsets.UTF_8);

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    @Test
    void basicAgainstToken() throws Exception {
        String load = loadAverage();
        signInAs(users, securityContexts, "member");
        String bearer = "Bearer " + tokens.create("benchmark", Set.of(ApiTokenScope.READ), 1).secret();
        securityContexts.clearContext();
        String basic = "Basic " + Base64.getEncoder().encodeToString("member:portal-demo-2026".getBytes(StandardCharsets.UTF_8));

        for (int i = 0; i < 100; i++) {
            call("/api/v1/me", basic);
            call("/api/v1/me", bearer);
            call(SEARCH, bearer);
        }
        double[] basicMs = new double[ONE_CLIENT_CALLS];
        double[] tokenMs = new double[ONE_CLIENT_CALLS];
        for (int i = 0; i < ONE_CLIENT_CALLS; i++) {
            basicMs[i] = call("/api/v1/me", basic);
            tokenMs[i] = call("/api/v1/me", bearer);
        }
        double check = tokenCheckMicros(bearer.substring("Bearer ".length()));

        List<String> rows = new ArrayList<>();
        rows.add(row("/api/v1/me, Basic", throughput("/api/v1/me", basic)));
        rows.add(row("/api/v1/me, token", throughput("/api/v1/me", bearer)));
        rows.add(row("/api/v1/me, Basic again", throughput("/api/v1/me", basic)));
        rows.add(row("search (demo data), Basic", throughput(SEARCH, basic)));
        rows.add(row("search (demo data), token", throughput(SEARCH, bearer)));

        System.out.printf("""

                ApiAuthBenchmark (load average before: %s, after: %s)
                one client, /api/v1/me, %d calls each, interleaved:
                  Basic  p50 %.2f ms  p95 %.2f ms
                  token  p50 %.2f ms  p95 %.2f ms   (Basic ÷ token at p50: %.1f×)
                  token check alone (ApiTokenService.authenticate, in process): %.0f µs
                %d clients, %d s each:
                %s
                """, load, loadAverage(), ONE_CLIENT_CALLS, Timings.median(basicMs), Timings.p95(basicMs),
                Timings.median(tokenMs), Timings.p95(tokenMs), Timings.median(basicMs) / Timings.median(tokenMs), check,
                CLIENTS, WINDOW.toSeconds(), String.join("\n", rows));
    }

    private double call(String path, String authorization) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request(path, authorization), HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return ms;
    }

    private HttpRequest request(String path, String authorization) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization).build();
    }

    private double tokenCheckMicros(String secret) {
        for (int i = 0; i < 500; i++) {
            tokens.authenticate(secret, "127.0.0.1");
        }
        int n = 2_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            tokens.authenticate(secret, "127.0.0.1");
        }
        return (System.nanoTime() - start) / 1e3 / n;
    }

    /** Calls per second and errors of {@link #CLIENTS} clients calling in a loop for {@link #WINDOW}. */
    private long[] throughput(String path, String authorization) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + WINDOW.toNanos();
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            var response = http.send(request(path, authorization), HttpResponse.BodyHandlers.discarding());
                            (response.statusCode() == 200 ? done : errors).incrementAndGet();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        return new long[] {done.get(), errors.get()};
    }

    private static String row(String label, long[] result) {
        return String.format("  %-28s %7.1f calls/s  %d errors", label, result[0] / (double) WINDOW.toSeconds(), result[1]);
    }

    private static String loadAverage() throws Exception {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }
}
