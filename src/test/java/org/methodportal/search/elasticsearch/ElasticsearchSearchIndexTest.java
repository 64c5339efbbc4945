package org.methodportal.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.search.SearchProperties;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.engine.IndexDamagedException;
import org.methodportal.search.engine.QueryPlanner;
import org.methodportal.search.engine.SearchCorpus;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.engine.SearchIndexContract;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The contract on a real Elasticsearch 9.5 node in the test JVM ({@link TestNode}); a fresh alias per test. */
class ElasticsearchSearchIndexTest extends SearchIndexContract {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private String alias;

    @Override
    protected SearchIndex open(Path directory) {
        alias = "contract-" + SEQUENCE.incrementAndGet();
        return new ElasticsearchSearchIndex(client(), alias);
    }

    @Override
    protected SearchIndex reopen(int facetSample) {
        return new ElasticsearchSearchIndex(client(), alias, facetSample);
    }

    static ElasticsearchClient client() {
        return TestNode.client();
    }

    @AfterEach
    void dropIndexes() throws Exception {
        TestNode.dropIndexes(alias);
    }

    /** Deletes the index behind the alias (which takes the alias with it). */
    @Override
    protected void destroyBehindItsBack() throws Exception {
        TestNode.dropIndexes(alias);
    }

    @Test
    void anAliasRemovedBehindItsBackIsDamageAndAWriteNeverCreatesABareIndexInItsPlace() throws Exception {
        String live;
        try (ElasticsearchClient client = client()) {
            live = client.indices().getAlias(g -> g.name(alias)).aliases().keySet().iterator().next();
            client.indices().deleteAlias(d -> d.index(live).name(alias));
        }

        assertThatThrownBy(() -> index.apply(SearchCorpus.documents().subList(0, 1), List.of()))
                .isInstanceOf(IndexDamagedException.class);
        assertThatThrownBy(() -> index.check()).isInstanceOf(IndexDamagedException.class);
        try (ElasticsearchClient client = client()) {
            assertThat(client.indices().exists(e -> e.index(alias)).value()).as("no index auto-created as " + alias)
                    .isFalse();
        }

        index.setAside();
        assertThat(indexNames()).as("the old index is kept until a rebuild completes").containsExactly(live);
        assertThat(index.count()).isZero();
        assertThatThrownBy(() -> index.check()).as("no empty index behind the alias meanwhile")
                .isInstanceOf(IndexDamagedException.class);
        try (SearchIndex.Rebuild rebuild = index.startRebuild()) {
            rebuild.add(SearchCorpus.documents().subList(0, 3));
            rebuild.complete();
        }
        assertThat(index.count()).isEqualTo(3);
        assertThat(indexNames()).as("then removed").doesNotContain(live).hasSize(1);
    }

    @Test
    void aRebuiltIndexServesOneSegment() throws Exception {
        try (SearchIndex.Rebuild rebuild = index.startRebuild();
             ElasticsearchClient client = client()) {
            for (var document : SearchCorpus.documents().subList(0, 12)) {
                rebuild.add(List.of(document));
                // each refresh writes what was added since as a segment of its own
                client.indices().refresh(r -> r.index(alias + "-*"));
            }
            rebuild.complete();

            var shards = client.indices().segments(s -> s.index(alias)).indices().values().iterator().next()
                    .shards().values().stream().flatMap(List::stream).toList();
            assertThat(shards).hasSize(1);
            assertThat(shards.getFirst().segments().values().stream().filter(s -> s.search() && s.numDocs() > 0))
                    .as("the rebuilt documents in one segment").hasSize(1);
        }
        assertThat(index.count()).isEqualTo(12);
    }

    @Test
    void reopeningUsesTheIndexBehindTheAlias() throws Exception {
        try (SearchIndex.Rebuild rebuild = index.startRebuild()) {
            rebuild.add(SearchCorpus.documents().subList(0, 3));
            rebuild.complete();
        }
        index.close();

        index = new ElasticsearchSearchIndex(client(), alias);

        assertThat(index.count()).isEqualTo(3);
        try (ElasticsearchClient client = client()) {
            assertThat(client.indices().get(g -> g.index(alias + "-*")).indices()).as("old index removed").hasSize(1);
        }
    }

    @Test
    void indexesLeftByAnInterruptedReindexAreRemovedAtStartButNeverTheLiveOneOrANewerOne() throws Exception {
        long documents = index.count();
        index.close();
        String live;
        String newer;
        try (ElasticsearchClient client = client()) {
            live = client.indices().getAlias(g -> g.name(alias)).aliases().keySet().iterator().next();
            long liveMillis = Long.parseLong(live.substring(alias.length() + 1));
            client.indices().create(c -> c.index(alias + "-" + (liveMillis - 60_000)));
            newer = alias + "-" + (liveMillis + 60_000);
            // another instance may be filling this one right now
            client.indices().create(c -> c.index(newer));
        }

        index = new ElasticsearchSearchIndex(client(), alias);

        assertThat(indexNames()).as("only the older leftover removed").containsExactlyInAnyOrder(live, newer);
        assertThat(index.count()).as("the live index untouched").isEqualTo(documents).isPositive();
    }

    @Test
    void aCompletedReindexRemovesOlderLeftoversAndKeepsOnlyTheNewIndex() throws Exception {
        try (ElasticsearchClient client = client()) {
            client.indices().create(c -> c.index(alias + "-1000"));
        }
        String next;
        try (SearchIndex.Rebuild rebuild = index.startRebuild()) {
            next = indexNames().stream().max(Comparator.naturalOrder()).orElseThrow();
            rebuild.add(SearchCorpus.documents().subList(0, 3));
            rebuild.complete();
        }

        assertThat(indexNames()).containsExactly(next);
        assertThat(index.count()).isEqualTo(3);
    }

    private Set<String> indexNames() throws Exception {
        try (ElasticsearchClient client = client()) {
            return client.indices().get(g -> g.index(alias + "-*")).indices().keySet();
        }
    }

    @Test
    void answersTheRootRequestLikeAClusterDoes() throws Exception {
        try (ElasticsearchClient client = client()) {
            assertThat(client.ping().value()).isTrue();
            assertThat(client.info().version().number()).isEqualTo("9.5.3");
        }
    }

    @Test
    void anUnreachableClusterFailsEachCallButNotTheStart() {
        var unreachable = new SearchProperties.Elasticsearch(List.of("http://127.0.0.1:9"), null, null, null, "x");
        try (SearchIndex down = new ElasticsearchSearchIndex(ElasticsearchConfig.client(unreachable), "down")) {
            assertThatThrownBy(() -> down.search(QueryPlanner.plan(SearchRequest.of("对接"), MEMBER, List.of())))
                    .isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> down.apply(SearchCorpus.documents().subList(0, 1), List.of()))
                    .isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void anIndexCreatedBeforeTheVectorFieldGetsItAtStart() throws Exception {
        index.close();
        String old = "before-vectors";
        // the index as it was mapped before: the same mapping without the vector field
        ObjectNode mapping = mapping();
        ((ObjectNode) mapping.path("mappings").path("properties")).remove("vector");
        try (ElasticsearchClient client = client()) {
            String name = old + "-1";
            client.indices().create(c -> c.index(name).withJson(new StringReader(mapping.toString())));
            client.indices().updateAliases(u -> u.actions(a -> a.add(x -> x.index(name).alias(old))));
        }
        try (SearchIndex reopened = new ElasticsearchSearchIndex(client(), old)) {
            reopened.apply(List.of(SearchCorpus.document(2101, "“夜校”工作法", "晚上学习。", List.of(),
                    org.methodportal.method.MethodStatus.PUBLISHED, 1, 1).withVector(vector(0))), List.of());
            var filters = QueryPlanner.plan(SearchRequest.of(""), MEMBER, glossary);
            assertThat(reopened.nearest(filters, vector(10), 5, 0.5f)).extracting(h -> h.id()).containsExactly(2101L);
        } finally {
            TestNode.dropIndexes(old);
            index = open(dir);
        }
    }

    @Test
    void anIndexCreatedBeforeTheCombinedFieldsIsOutdatedAndStillAnswersUntilARebuildBringsItUpToDate()
            throws Exception {
        index.close();
        String old = "before-combined";
        // the index as it was mapped before: each text field on its own, no combined field to copy to
        ObjectNode mapping = mapping();
        ObjectNode properties = (ObjectNode) mapping.path("mappings").path("properties");
        properties.remove(ElasticsearchSearchIndex.ALL);
        properties.properties().forEach(field -> ((ObjectNode) field.getValue()).remove("copy_to"));
        try (ElasticsearchClient client = client()) {
            String name = old + "-1";
            client.indices().create(c -> c.index(name).withJson(new StringReader(mapping.toString())));
            client.indices().updateAliases(u -> u.actions(a -> a.add(x -> x.index(name).alias(old))));
        }
        try (SearchIndex reopened = new ElasticsearchSearchIndex(client(), old)) {
            reopened.apply(SearchCorpus.documents(), List.of());

            assertThat(reopened.outdated()).isTrue();
            var planned = QueryPlanner.plan(SearchRequest.of("三审三核"), MEMBER, glossary);
            assertThat(reopened.search(planned).hits()).as("searched field by field meanwhile").first()
                    .extracting(h -> h.id()).isEqualTo(1L);
            assertThat(reopened.countMatches(planned, Long.MAX_VALUE)).isEqualTo(reopened.search(planned).total());
            try (SearchIndex.Rebuild rebuild = reopened.startRebuild()) {
                rebuild.add(SearchCorpus.documents());
                rebuild.complete();
            }
            assertThat(reopened.outdated()).isFalse();
            assertThat(reopened.search(planned).hits()).first().extracting(h -> h.id()).isEqualTo(1L);
        } finally {
            TestNode.dropIndexes(old);
            index = open(dir);
        }
        try (SearchIndex reopened = new ElasticsearchSearchIndex(client(), alias)) {
            assertThat(reopened.outdated()).as("an index created with the combined fields").isFalse();
        }
    }

    private static ObjectNode mapping() throws Exception {
        try (var in = ElasticsearchSearchIndex.class.getResourceAsStream(ElasticsearchSearchIndex.MAPPING)) {
            return (ObjectNode) JsonMapper.builder().build().readTree(in);
        }
    }
}
