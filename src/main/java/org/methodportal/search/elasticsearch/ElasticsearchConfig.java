package org.methodportal.search.elasticsearch;

import java.net.URI;

import org.methodportal.search.SearchProperties;
import org.methodportal.search.engine.SearchIndex;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;

/**
 * The search engine when {@code portal.search.elasticsearch.uris} names a cluster (instead of the
 * embedded index), with an API key or a user and password when given.
 */
@Configuration
@ConditionalOnProperty("portal.search.elasticsearch.uris")
class ElasticsearchConfig {

    @Bean(destroyMethod = "close")
    SearchIndex elasticsearchSearchIndex(SearchProperties search) {
        return new ElasticsearchSearchIndex(client(search.elasticsearch()), search.elasticsearch().index(),
                search.facetSample());
    }

    static ElasticsearchClient client(SearchProperties.Elasticsearch settings) {
        if (settings.uris().isEmpty()) {
            throw new IllegalStateException("portal.search.elasticsearch.uris names no Elasticsearch node");
        }
        return ElasticsearchClient.of(b -> {
            b.hosts(settings.uris().stream().map(u -> URI.create(u.strip())).toList())
                    .jsonMapper(new Jackson3JsonpMapper());
            if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
                b.apiKey(settings.apiKey());
            } else if (settings.username() != null && !settings.username().isBlank()) {
                b.usernameAndPassword(settings.username(), settings.password() == null ? "" : settings.password());
            }
            return b;
        });
    }
}
