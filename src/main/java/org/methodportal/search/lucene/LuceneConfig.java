package org.methodportal.search.lucene;

import java.nio.file.Path;

import org.methodportal.search.SearchProperties;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.shared.PortalProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded index, the default engine: {@code <portal.data-dir>/search}, or {@code portal.search.index-dir};
 * not used when {@code portal.search.elasticsearch.uris} names a cluster.
 */
@Configuration
@Conditional(LuceneConfig.NoElasticsearch.class)
class LuceneConfig {

    static final class NoElasticsearch extends NoneNestedConditions {

        NoElasticsearch() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("portal.search.elasticsearch.uris")
        static final class Configured {
        }
    }

    @Bean(destroyMethod = "close")
    SearchIndex luceneSearchIndex(SearchProperties search, PortalProperties portal) {
        if (search.multiInstance()) {
            throw new IllegalStateException("portal.search.multi-instance=true, but the embedded search index lives "
                    + "on one instance's disk and cannot be shared by several portal instances. Use a shared "
                    + "search engine (portal.search.elasticsearch.uris) or run a single instance "
                    + "(portal.search.multi-instance=false).");
        }
        Path dir = search.indexDir() != null ? search.indexDir() : portal.dataDir().resolve("search");
        return new LuceneSearchIndex(dir, search.facetSample());
    }
}
