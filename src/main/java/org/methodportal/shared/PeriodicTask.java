package org.methodportal.shared;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work done every {@link #interval()} on a virtual thread of its own while the application runs,
 * the first time {@link #firstDelay()} after start. A failed run is logged and the work is tried
 * again at the next one; stopping interrupts the thread.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private volatile Thread thread;

    /** {@code name} names the thread and the log lines. */
    protected PeriodicTask(String name) {
        this.name = name;
    }

    protected abstract Duration firstDelay();

    protected abstract Duration interval();

    /** One run of the work. */
    protected abstract void runOnce();

    @Override
    public void start() {
        thread = Thread.ofVirtual().name(name).start(() -> {
            Duration pause = firstDelay();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(pause);
                    pause = interval();
                    runOnce();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.warn("{} failed, tried again in {}: {}", name, interval(), e.toString());
                }
            }
        });
    }

    @Override
    public void stop() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
