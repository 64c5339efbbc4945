package org.methodportal.search;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work handed by one reading thread to a small pool of platform threads (the reindex writing pages,
 * the backfill computing embeddings): at most two tasks per thread wait, which bounds the memory of
 * pages in flight, and the first failure stops the rest and is thrown to the reading thread by the
 * next {@link #submit} or by {@link #finish}.
 */
final class BoundedWork implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BoundedWork.class);

    private final String name;
    private final int permits;
    private final Semaphore slots;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final ExecutorService pool;

    /** {@code name}: the threads' prefix ("search-reindex" → search-reindex-1, -2 …) and the log's wording. */
    BoundedWork(String name, int threads) {
        this.name = name;
        int n = Math.max(1, threads);
        this.permits = n * 2;
        this.slots = new Semaphore(permits);
        this.pool = Executors.newFixedThreadPool(n, Thread.ofPlatform().name(name + "-", 1).daemon(true).factory());
    }

    /** Runs the task on the pool once a slot is free; throws an earlier task's failure instead. */
    void submit(Runnable task) {
        acquire(1);
        if (failure.get() != null) {
            slots.release();
            throw failure.get();
        }
        pool.execute(() -> {
            try {
                if (failure.get() == null) {
                    task.run();
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                slots.release();
            }
        });
    }

    /** Waits until every task submitted has run; throws the first failure. */
    void finish() {
        acquire(permits);
        slots.release(permits);
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** After a failure, lets tasks still running finish before the caller discards their work. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("{} threads did not stop within a minute", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acquire(int n) {
        try {
            slots.acquire(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        }
    }
}
