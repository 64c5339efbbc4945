package org.methodportal.shared;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * Whether a bulk write (an import of many methods) is under way on this instance, so that
 * background work that follows writes (indexing) can give it the cores and catch up afterwards.
 */
@Component
public class BulkWrites {

    private final AtomicInteger running = new AtomicInteger();

    /** Marks a bulk write as running until the returned handle is closed. */
    public Running begin() {
        running.incrementAndGet();
        return running::decrementAndGet;
    }

    public boolean inProgress() {
        return running.get() > 0;
    }

    /** The end of one bulk write. */
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }
}
