package org.methodportal.search.engine;

import static org.mockito.Mockito.doAnswer;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A rebuild whose first page waits until the test releases it, so that a test can look at the
 * portal while a rebuild runs. {@code taken} counts down when the first page arrives.
 */
public record HeldRebuild(SearchIndex.Rebuild real, CountDownLatch taken, CountDownLatch release)
        implements SearchIndex.Rebuild {

    /** Makes every rebuild of a Mockito spy of an index a held one. */
    public static void hold(SearchIndex spy, CountDownLatch taken, CountDownLatch release) {
        doAnswer(call -> new HeldRebuild((SearchIndex.Rebuild) call.callRealMethod(), taken, release))
                .when(spy).startRebuild();
    }

    @Override
    public void add(List<IndexDocument> documents) {
        taken.countDown();
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        real.add(documents);
    }

    @Override
    public void complete() {
        real.complete();
    }

    @Override
    public void close() {
        real.close();
    }
}
