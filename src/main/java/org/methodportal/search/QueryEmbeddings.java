package org.methodportal.search;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.methodportal.search.engine.CachedEmbedder;
import org.methodportal.search.engine.Embedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The embeddings of search texts for the semantic leg: started before the search is planned and
 * computed meanwhile, remembered for the last {@value #CACHE_SIZE} texts (paging, the same popular
 * questions), and given up after a bounded wait, so that a slow or failing model costs a search
 * its semantic leg, never its answer. The model runs on a small pool of platform threads: it is
 * native code, which would hold a virtual thread's carrier for its whole run.
 */
@Component
class QueryEmbeddings implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(QueryEmbeddings.class);
    static final int CACHE_SIZE = 1_000;
    static final Duration WAIT = Duration.ofSeconds(2);
    /** Searches queued beyond the pool's threads; more are searched by their words alone. */
    private static final int QUEUE = 64;

    /** The model embedding search texts as queries (with its retrieval instruction), remembering the recent ones. */
    private final @Nullable CachedEmbedder queries;
    private final Duration wait;
    private final @Nullable ThreadPoolExecutor pool;

    @Autowired
    QueryEmbeddings(ObjectProvider<Embedder> embedder) {
        this(embedder.getIfAvailable(), WAIT);
    }

    QueryEmbeddings(@Nullable Embedder embedder, Duration wait) {
        this.queries = embedder == null ? null : new CachedEmbedder(new AsQueries(embedder), CACHE_SIZE);
        this.wait = wait;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.pool = embedder == null ? null : new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), Thread.ofPlatform().name("search-query-embedding-", 1).daemon(true)
                .factory());
    }

    /** Without a model: every search is lexical. */
    static QueryEmbeddings off() {
        return new QueryEmbeddings(null, WAIT);
    }

    /**
     * Starts the embedding of the search text (its searchable form); done at once when the
     * semantic leg is off, the text is blank (null then) or the text was embedded lately.
     */
    CompletableFuture<float @Nullable []> start(String text) {
        CachedEmbedder model = queries;
        if (model == null || pool == null || text.isBlank()) {
            return CompletableFuture.completedFuture(null);
        }
        float[] cached = model.recent(text);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        try {
            return CompletableFuture.supplyAsync(() -> model.embed(text), pool);
        } catch (RejectedExecutionException e) {
            log.warn("search text not embedded, {} searches wait for the model already; by words only", QUEUE);
            return CompletableFuture.completedFuture(null);
        }
    }

    /**
     * The embedding started by {@link #start}, waiting for it at most the bounded time; null when it
     * failed or is late (the search then runs by its words alone; a late one is still remembered).
     */
    float @Nullable [] await(CompletableFuture<float @Nullable []> embedding) {
        try {
            return embedding.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("search text embedding took longer than {}; searched by words only", wait);
        } catch (ExecutionException e) {
            log.warn("search text embedding failed; searched by words only: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** The model's query embedding as the embedding of a text, so that the one cache of embeddings keeps them. */
    private record AsQueries(Embedder documents) implements Embedder {

        @Override
        public String model() {
            return documents.model();
        }

        @Override
        public int dimensions() {
            return documents.dimensions();
        }

        @Override
        public float[] embed(String text) {
            return documents.embedQuery(text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return documents.embedQueries(texts);
        }
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
