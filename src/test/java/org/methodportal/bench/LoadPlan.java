package org.methodportal.bench;

import java.net.URI;
import java.util.List;

/**
 * What the simulated users of {@link LoadBenchmark} share: the portal's address, what they may pick
 * from (methods every member may see, published ones to comment on, filter values of the method
 * list, search texts), the think time and the window ({@link System#nanoTime} of the end of the
 * warm-up and of the run).
 */
record LoadPlan(URI base, long[] visibleIds, long[] publishedIds, List<Long> departments, List<String> tags,
                List<String> titleWords, List<String> authors, List<String> queries, long thinkMinMs,
                long thinkMaxMs, long warmUpEnd, long end) {

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }
}
