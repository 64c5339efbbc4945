package org.methodportal.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.methodportal.search.SearchProperties;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.shared.PortalProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The embedded index stays the default; the cluster is used only when its addresses are set. */
class ElasticsearchConfigTest {

    @TempDir
    Path dir;

    @Configuration
    @EnableConfigurationProperties({SearchProperties.class, PortalProperties.class})
    static class Properties {
    }

    private ApplicationContextRunner runner() throws ClassNotFoundException {
        return new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, ElasticsearchConfig.class,
                        Class.forName("org.methodportal.search.lucene.LuceneConfig"))
                .withPropertyValues("portal.data-dir=" + dir);
    }

    @Test
    void withoutAddressesTheEmbeddedIndexServes() throws Exception {
        runner().run(context -> assertThat(context).getBean(SearchIndex.class).isNotInstanceOf(
                ElasticsearchSearchIndex.class));
    }

    @Test
    void withAddressesTheClusterServesAndTheEmbeddedIndexIsNotOpened() throws Exception {
        runner().withPropertyValues("portal.search.elasticsearch.uris=" + TestNode.uri(),
                        "portal.search.elasticsearch.index=config-test", "portal.search.multi-instance=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(SearchIndex.class);
                    assertThat(context).getBean(SearchIndex.class).isInstanceOf(ElasticsearchSearchIndex.class);
                    assertThat(context.getBean(SearchIndex.class).count()).isZero();
                });
    }
}
