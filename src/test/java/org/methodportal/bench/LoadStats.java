package org.methodportal.bench;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated users of {@link LoadBenchmark} did, per action: latencies of the successful
 * calls in the measured window, errors (a status outside 2xx or an exception), errors of the
 * warm-up apart, and the first few error answers to show what went wrong.
 */
final class LoadStats {

    /** What a simulated user does, with the REST calls it takes. */
    enum Action {
        BROWSE("browse", "GET /api/v1/methods?page&size&sort&filter"),
        READ("read", "GET /api/v1/methods/{id}"),
        SEARCH("search", "GET /api/v1/search?q="),
        COMMENT("comment", "POST /api/v1/methods/{id}/comments"),
        EDIT("edit", "GET /api/v1/methods/{draft} + PUT /api/v1/proposals/{draft} (If-Match)"),
        CREATE_DRAFT("edit: new draft first", "POST /api/v1/proposals");

        final String label;
        final String calls;

        Action(String label, String calls) {
            this.label = label;
            this.calls = calls;
        }
    }

    private static final int ERRORS_SHOWN = 10;
    private static final int BODY_SHOWN = 300;

    private final Map<Action, Samples> samples = new EnumMap<>(Action.class);
    private final AtomicLong warmUpErrors = new AtomicLong();
    private final List<String> firstErrors = new CopyOnWriteArrayList<>();

    LoadStats() {
        for (Action action : Action.values()) {
            samples.put(action, new Samples());
        }
    }

    void success(Action action, double ms, boolean measured) {
        if (measured) {
            samples.get(action).add(ms);
        }
    }

    void error(Action action, String what, boolean measured) {
        if (measured) {
            samples.get(action).errors.incrementAndGet();
        } else {
            warmUpErrors.incrementAndGet();
        }
        if (firstErrors.size() < ERRORS_SHOWN) {
            firstErrors.add((measured ? "" : "(warm-up) ") + action.label + ": "
                    + (what.length() > BODY_SHOWN ? what.substring(0, BODY_SHOWN) + "…" : what));
        }
    }

    double[] latencies(Action action) {
        return samples.get(action).sorted();
    }

    long errors(Action action) {
        return samples.get(action).errors.get();
    }

    long warmUpErrors() {
        return warmUpErrors.get();
    }

    List<String> firstErrors() {
        return List.copyOf(firstErrors);
    }

    /** A growing array of milliseconds; a lock per action is cheap next to an HTTP call. */
    private static final class Samples {
        private double[] ms = new double[1024];
        private int n;
        final AtomicLong errors = new AtomicLong();

        synchronized void add(double value) {
            if (n == ms.length) {
                ms = Arrays.copyOf(ms, n * 2);
            }
            ms[n++] = value;
        }

        synchronized double[] sorted() {
            double[] copy = Arrays.copyOf(ms, n);
            Arrays.sort(copy);
            return copy;
        }
    }
}
