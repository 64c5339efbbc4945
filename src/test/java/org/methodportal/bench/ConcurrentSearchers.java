package org.methodportal.bench;

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
 * Throughput of many members searching at once through {@link SearchService}: {@link #CLIENTS}
 * threads, each signed in as the same member, each going through the queries in its own order
 * without pause for {@link #MEASURED_SECONDS} seconds after a warm-up. What HTTP and the
 * authentication of each request add is not in these figures.
 */
final class ConcurrentSearchers {

    static final int CLIENTS = 16;
    private static final int WARM_UP_SECONDS = 5;
    private static final int MEASURED_SECONDS = 20;

    private ConcurrentSearchers() {
    }

    /** Runs the clients and returns a Markdown table of queries per second, latency percentiles and errors. */
    static String run(SearchService search, UserDetailsService users, SecurityContextHolderStrategy contexts,
                      String login, List<String> queries) throws InterruptedException {
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
        long end = warmEnd + TimeUnit.SECONDS.toNanos(MEASURED_SECONDS);
        var errors = new AtomicLong();
        List<List<Double>> latencies = new ArrayList<>();
        var finished = new CountDownLatch(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            List<Double> mine = new ArrayList<>();
            latencies.add(mine);
            int offset = client;
            Thread.ofPlatform().name("bench-client-" + client).start(() -> {
                try {
                    TestUsers.signInAs(users, contexts, login);
                    for (int i = offset; System.nanoTime() < end; i++) {
                        long start = System.nanoTime();
                        try {
                            search.search(SearchRequest.of(queries.get(i % queries.size()))).total();
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                        }
                        if (start >= warmEnd) {
                            mine.add((System.nanoTime() - start) / 1e6);
                        }
                    }
                } finally {
                    contexts.clearContext();
                    finished.countDown();
                }
            });
        }
        finished.await();
        double[] all = latencies.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        java.util.Arrays.sort(all);
        return """
                | %d clients through the service, %d s after %d s warm-up | queries/s | p50 ms | p95 ms | p99 ms | errors |
                |---|---:|---:|---:|---:|---:|
                | %d texts in turn | %.1f | %.1f | %.1f | %.1f | %d |
                """.formatted(CLIENTS, MEASURED_SECONDS, WARM_UP_SECONDS, queries.size(),
                all.length / (double) MEASURED_SECONDS, Timings.median(all), Timings.p95(all),
                all[Math.max(0, (int) Math.ceil(0.99 * all.length) - 1)], errors.get());
    }
}
