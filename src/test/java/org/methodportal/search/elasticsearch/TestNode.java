package org.methodportal.search.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.node.NodeValidationException;
import org.elasticsearch.transport.netty4.Netty4Plugin;
import org.methodportal.search.SearchProperties;
import org.methodportal.search.engine.SearchIndex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * A real Elasticsearch node inside the test JVM, started on first use and shared by every test
 * of the JVM (each test class uses indexes of its own name). It listens on 127.0.0.1 on a free
 * port and is stopped when the JVM exits.
 */
public final class TestNode {

    private static URI uri;

    private TestNode() {
    }

    /** The HTTP address of the node, starting it on first call. */
    public static synchronized URI uri() {
        if (uri == null) {
            uri = start();
        }
        return uri;
    }

    /** A client of the node, as the portal configures one. */
    public static ElasticsearchClient client() {
        return ElasticsearchConfig.client(new SearchProperties.Elasticsearch(List.of(uri().toString()), null, null,
                null, "unused"));
    }

    /** The Elasticsearch adapter on the node, behind the alias given (created empty when missing). */
    public static SearchIndex searchIndex(String alias) {
        return new ElasticsearchSearchIndex(client(), alias);
    }

    /** Removes the indexes behind an alias of {@link #searchIndex}. */
    public static void dropIndexes(String alias) throws IOException {
        try (ElasticsearchClient client = client()) {
            for (String name : client.indices().get(g -> g.index(alias + "-*")).indices().keySet()) {
                client.indices().delete(d -> d.index(name));
            }
        }
    }

    private static URI start() {
        try {
            Path home = Files.createTempDirectory("es-test-node");
            LogConfigurator.configureWithoutConfig(Settings.builder().put("logger.org.elasticsearch", "WARN").build());
            Settings settings = Settings.builder()
                    .put("path.home", home.toString())
                    .put("node.name", "portal-test")
                    .put("cluster.name", "portal-test")
                    .put("discovery.type", "single-node")
                    .put("http.host", "127.0.0.1")
                    .put("transport.host", "127.0.0.1")
                    .put("http.port", 0)
                    .put("transport.port", 0)
                    .put("cluster.routing.allocation.disk.threshold_enabled", false)
                    .put("logger.org.elasticsearch", "WARN")
                    .build();
            var environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "portal-test");
            Node node = new ClasspathNode(environment,
                    List.of(Netty4Plugin.class, RootPlugin.class, ChineseAnalysisPlugin.class));
            node.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    node.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }));
            var address = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
            return URI.create("http://127.0.0.1:" + address.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NodeValidationException e) {
            throw new IllegalStateException(e);
        }
    }
}
