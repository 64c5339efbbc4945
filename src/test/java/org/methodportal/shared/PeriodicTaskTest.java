package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A periodic task runs again after a failed run and no more once stopped. */
class PeriodicTaskTest {

    @Test
    void aFailedRunIsTriedAgainAndStoppingEndsTheRuns() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        PeriodicTask task = new PeriodicTask("periodic-task-test") {
            @Override
            protected Duration firstDelay() {
                return Duration.ofMillis(1);
            }

            @Override
            protected Duration interval() {
                return Duration.ofMillis(5);
            }

            @Override
            protected void runOnce() {
                runs.incrementAndGet();
                three.countDown();
                if (runs.get() == 1) {
                    throw new IllegalStateException("the first run fails");
                }
            }
        };
        task.start();
        assertThat(task.isRunning()).isTrue();
        assertThat(three.await(30, TimeUnit.SECONDS)).as("runs on after a failure").isTrue();
        task.stop();
        assertThat(task.isRunning()).isFalse();
        int stoppedAt = runs.get();
        Thread.sleep(100);
        assertThat(runs.get()).as("no run after stopping (one may have been under way)").isLessThanOrEqualTo(stoppedAt + 1);
    }
}
