package org.methodportal.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.search.engine.SearchIndex;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search settings ({@code portal.search.*}).
 *
 * @param multiInstance true when several portal instances share one database behind a load
 *                      balancer; the embedded index lives on one machine's disk, so it refuses to
 *                      start then (a shared engine is needed)
 * @param reindexOnStartup when to rebuild the index from the database at start: {@code if-empty}
 *                      (the default: first run, deleted index directory, new cluster), {@code always}
 *                      (e.g. after changing the analysis; with several instances set it on one only),
 *                      or {@code never}
 * @param reindexThreads threads that analyse documents during a reindex (Lucene's writer and the
 *                      cluster's bulk API both take batches in parallel); the database is read
 *                      meanwhile by the thread that runs the reindex
 * @param indexDir      where the embedded index lives (default: {@code <portal.data-dir>/search})
 * @param outbox        how the indexing worker drains the outbox
 * @param elasticsearch a shared Elasticsearch cluster, used instead of the embedded index when
 *                      its {@code uris} are set
 * @param semantic      the semantic leg (sentence embeddings)
 * @param facetSample   how many of its best hits a search counts its facets over at most; a search
 *                      matching more shows them as approximate ({@link SearchIndex#FACET_SAMPLE})
 */
@ConfigurationProperties("portal.search")
public record SearchProperties(@DefaultValue("false") boolean multiInstance,
                               @DefaultValue("if-empty") ReindexOnStartup reindexOnStartup,
                               @DefaultValue("2") int reindexThreads,
                               @Nullable Path indexDir,
                               @DefaultValue Outbox outbox,
                               @DefaultValue Elasticsearch elasticsearch,
                               @DefaultValue Semantic semantic,
                               @DefaultValue("" + SearchIndex.FACET_SAMPLE) int facetSample) {

    public SearchProperties {
        if (facetSample < 1) {
            throw new IllegalArgumentException("portal.search.facet-sample must be at least 1, not " + facetSample);
        }
    }

    /**
     * @param enabled         embeddings of methods and searches, and the semantic leg fused with the
     *                        lexical one; off for small machines (search is then lexical only)
     * @param backfillThreads threads computing the embeddings of methods that have none yet
     */
    public record Semantic(@DefaultValue("true") boolean enabled, @DefaultValue("2") int backfillThreads) {
    }

    /** When the index is rebuilt from the database at start. */
    public enum ReindexOnStartup {
        ALWAYS, IF_EMPTY, NEVER
    }

    /**
     * @param uris     HTTP(S) addresses of the cluster's nodes, comma-separated; empty: embedded index
     * @param username basic authentication user (with {@code password})
     * @param password basic authentication password
     * @param apiKey   an encoded API key, used instead of username and password
     * @param index    the alias searches go through; the portal creates it and the indexes behind it
     */
    public record Elasticsearch(@DefaultValue List<String> uris, @Nullable String username,
                                @Nullable String password, @Nullable String apiKey,
                                @DefaultValue("method-portal") String index) {

        public Elasticsearch {
            uris = List.copyOf(uris);
        }
    }

    /**
     * @param workerEnabled drain on a schedule (tests drain explicitly)
     * @param batchSize     outbox rows claimed per transaction
     * @param pollInterval  pause between drains when the outbox is empty
     * @param firstRetry    delay after the first failure; doubled on each further failure
     * @param maxRetry      longest delay between two attempts
     * @param checkInterval how often the worker checks that the index is still there and writable
     *                      (a damaged one is set aside and rebuilt), and retries a failed rebuild
     */
    public record Outbox(@DefaultValue("true") boolean workerEnabled, @DefaultValue("100") int batchSize,
                         @DefaultValue("1s") Duration pollInterval, @DefaultValue("5s") Duration firstRetry,
                         @DefaultValue("10m") Duration maxRetry, @DefaultValue("10s") Duration checkInterval) {
    }
}
