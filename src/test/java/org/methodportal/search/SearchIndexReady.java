package org.methodportal.search;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Before each test of an application context, waits until the search index serves and the
 * embedding backfill at start has ended. A new test context starts with an empty index that is
 * rebuilt from the demo data in the background, and searches answer "rebuilding" until that is
 * complete; tests that search expect the demo data there. Registered for every Spring test in {@code META-INF/spring.factories}; returns at once
 * once the index serves, and does nothing in contexts without the search module or in test
 * classes marked {@link WhileRebuilding}.
 */
public class SearchIndexReady implements TestExecutionListener, Ordered {

    private static final long TIMEOUT_SECONDS = 60;

    /** A test class that looks at the portal while it rebuilds the index: not waited for. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface WhileRebuilding {
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) throws InterruptedException {
        if (!testContext.hasApplicationContext() || testContext.getTestClass().isAnnotationPresent(WhileRebuilding.class)) {
            return;
        }
        SearchIndexer indexer = testContext.getApplicationContext().getBeanProvider(SearchIndexer.class).getIfAvailable();
        if (indexer == null) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (indexer.health().status() == IndexHealth.Status.REBUILDING && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // the backfill at start queues the demo methods for the index; tests expect a quiet outbox afterwards
        EmbeddingBackfill backfill = testContext.getApplicationContext().getBeanProvider(EmbeddingBackfill.class)
                .getIfAvailable();
        while (backfill != null && backfill.status().running() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
