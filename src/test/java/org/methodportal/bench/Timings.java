package org.methodportal.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** Statistics of repeated timings in milliseconds, as the benchmark tables report them. */
final class Timings {

    private Timings() {
    }

    static double median(double[] ms) {
        double[] sorted = sorted(ms);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Nearest rank: with 20 runs, the 19th fastest. */
    static double p95(double[] ms) {
        return sorted(ms)[(int) Math.ceil(0.95 * ms.length) - 1];
    }

    /** Nearest rank: with 1,000 samples, the 990th fastest. */
    static double p99(double[] ms) {
        return sorted(ms)[(int) Math.ceil(0.99 * ms.length) - 1];
    }

    /**
     * Times a query: {@code warmUp} runs that must each return something, then {@code repetitions}
     * timed runs, in milliseconds.
     */
    static double[] measure(Supplier<List<?>> run, int warmUp, int repetitions) {
        for (int i = 0; i < warmUp; i++) {
            if (run.get().isEmpty()) {
                throw new IllegalStateException("a benchmarked query returned nothing: the data did not load");
            }
        }
        double[] ms = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            run.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    /** A Markdown table row: name, rows returned, median, p95 and the median's ratio to the reference's. */
    static String row(String name, int rows, double[] ms, double referenceMedian) {
        return "| %s | %d | %.1f | %.1f | %.1f× |%n".formatted(name, rows, median(ms), p95(ms),
                median(ms) / referenceMedian);
    }

    /**
     * Refuses to time code with Java assertions on: production runs without them, and those of the
     * libraries (Lucene checks every block of postings it skips in) would be timed as the portal's.
     * The benchmark profile of the pom turns them off whenever -Dgroups=benchmark is given.
     */
    static void requireAssertionsOff() {
        boolean on = false;
        assert on = true;
        if (on) {
            throw new IllegalStateException("benchmarks run without assertions: -Dgroups=benchmark (the pom's "
                    + "benchmark profile) or -DenableAssertions=false");
        }
    }

    private static double[] sorted(double[] ms) {
        double[] copy = ms.clone();
        Arrays.sort(copy);
        return copy;
    }
}
