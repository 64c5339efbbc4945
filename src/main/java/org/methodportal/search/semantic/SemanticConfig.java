package org.methodportal.search.semantic;

import org.methodportal.search.engine.Embedder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The semantic leg of search: an {@link Embedder} bean while {@code portal.search.semantic.enabled}
 * is on (the default). Off, no model is loaded (about 100 MB less memory, no embedding work) and
 * search is lexical only.
 */
@Configuration
@ConditionalOnProperty(name = "portal.search.semantic.enabled", havingValue = "true", matchIfMissing = true)
class SemanticConfig {

    @Bean
    Embedder embedder() {
        return new BgeEmbedder();
    }
}
