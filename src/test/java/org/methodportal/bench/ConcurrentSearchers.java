package org.methodportal.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.methodportal.search.SearchRequest;
import org.methodportal.search.SearchService;
import org.methodportal.shared.TestUsers;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Throughput of many members searching at once: {@link #CLIENTS} threads going through the
 * queries, each in its own order, without pause for {@link #MEASURED_SECONDS} seconds after a
 * warm-up. {@link #run} calls {@link SearchService} in process (no HTTP, no authentication per
 * request); {@link #runRest} calls {@code GET /api/v1/search} of the running portal with a
 * personal API token, as an integration would.
 */
final class ConcurrentSearchers {

    static final int CLIENTS = 16;
    private static final int WARM_UP_SECONDS = 5;
    private static final int MEASURED_SECONDS = 20;

    private ConcurrentSearchers() {
    }

    /** One search of the client's {@code i}-th query; false when it failed without an exception. */
    private interface Client {
        boolean search(int i) throws Exception;
    }

    /** Runs the clients through the service and returns a Markdown table of queries per second, latency percentiles and errors. */
    static String run(SearchService search, UserDetailsService users, SecurityContextHolderStrategy contexts,
                      String login, List<String> queries) throws InterruptedException {
        return measure("through the service", queries, () -> TestUsers.signInAs(users, contexts, login),
                i -> search.search(SearchRequest.of(queries.get(i % queries.size()))).total() >= 0,
                contexts::clearContext);
    }

    /** Runs the clients through {@code GET /api/v1/search} on {@code port}, each request with {@code bearer}. */
    static String runRest(int port, String bearer, List<String> queries) throws InterruptedException {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<URI> uris = queries.stream().map(q -> URI.create("http://127.0.0.1:" + port + "/api/v1/search?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).toList();
        return measure("through REST, token", queries, () -> { },
                i -> http.send(HttpRequest.newBuilder(uris.get(i % uris.size())).header("Authorization", bearer).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200,
                () -> { });
    }

    private static String measure(String how, List<String> queries, Runnable setUp, Client client, Runnable tearDown)
            throws InterruptedException {
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
        long end = warmEnd + TimeUnit.SECONDS.toNanos(MEASURED_SECONDS);
        var errors = new AtomicLong();
        List<List<Double>> latencies = new ArrayList<>();
        var finished = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            List<Double> mine = new ArrayList<>();
            latencies.add(mine);
            int offset = c;
            Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                try {
                    setUp.run();
                    for (int i = offset; System.nanoTime() < end; i++) {
                        long start = System.nanoTime();
                        boolean ok;
                        try {
                            ok = client.search(i);
                        } catch (Exception e) {
                            ok = false;
                        }
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                        if (start >= warmEnd) {
                            mine.add((System.nanoTime() - start) / 1e6);
                        }
                    }
                } finally {
                    tearDown.run();
                    finished.countDown();
                }
            });
        }
        finished.await();
        double[] all = latencies.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        java.util.Arrays.sort(all);
        return """
                | %d clients %s, %d s after %d s warm-up | queries/s | p50 ms | p95 ms | p99 ms | errors |
                |---|---:|---:|---:|---:|---:|
                | %d texts in turn | %.1f | %.1f | %.1f | %.1f | %d |
                """.formatted(CLIENTS, how, MEASURED_SECONDS, WARM_UP_SECONDS, queries.size(),
                all.length / (double) MEASURED_SECONDS, Timings.median(all), Timings.p95(all),
                all[Math.max(0, (int) Math.ceil(0.99 * all.length) - 1)], errors.get());
    }
}
