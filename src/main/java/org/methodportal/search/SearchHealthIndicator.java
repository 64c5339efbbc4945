package org.methodportal.search;

import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code search} component of {@code /actuator/health}: {@code UP} while the index serves,
 * {@code REBUILDING} while the portal rebuilds a damaged or missing index from the database,
 * {@code UNAVAILABLE} when the engine cannot be reached or the rebuild failed (it is retried).
 * While embeddings are backfilled, its progress shows as a detail (semantic search is complete when it ends).
 * The portal works without search, so these two rank below {@code UP} in
 * {@code management.endpoint.health.status.order}: the application's own status and readiness stay up.
 */
@Component
class SearchHealthIndicator implements HealthIndicator {

    static final Status REBUILDING = new Status("REBUILDING", "the search index is being rebuilt from the database");
    static final Status UNAVAILABLE = new Status("UNAVAILABLE", "search cannot answer; the portal works without it");

    private final SearchIndexer indexer;
    private final EmbeddingBackfill backfill;

    SearchHealthIndicator(SearchIndexer indexer, EmbeddingBackfill backfill) {
        this.indexer = indexer;
        this.backfill = backfill;
    }

    @Override
    public Health health() {
        IndexHealth health;
        try {
            health = indexer.checkIndex();
        } catch (RuntimeException e) {
            return Health.status(UNAVAILABLE).withDetail("error", e.toString()).build();
        }
        Health.Builder builder = switch (health.status()) {
            case SERVING -> Health.up();
            case REBUILDING -> {
                ReindexStatus progress = indexer.status();
                yield Health.status(REBUILDING).withDetail("done", progress.done()).withDetail("total", progress.total());
            }
            case FAILED -> Health.status(UNAVAILABLE).withDetail("error", String.valueOf(health.error()));
        };
        if (health.cause() != null) {
            builder.withDetail("cause", health.cause().name());
        }
        if (health.setAside() != null) {
            builder.withDetail("setAside", health.setAside());
        }
        if (health.since() != null) {
            builder.withDetail("since", health.since().toString());
        }
        BackfillStatus embeddings = backfill.status();
        if (embeddings.running()) {
            builder.withDetail("embeddingBackfill", Map.of("done", embeddings.done(), "total", embeddings.total(),
                    "computed", embeddings.computed()));
        } else if (embeddings.error() != null) {
            builder.withDetail("embeddingBackfillError", embeddings.error());
        }
        return builder.build();
    }
}
