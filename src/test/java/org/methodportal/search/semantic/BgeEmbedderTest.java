package org.methodportal.search.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.engine.IndexQuery;
import org.methodportal.search.engine.SearchCorpus;
import org.methodportal.search.engine.VectorHit;
import org.methodportal.search.engine.Viewer;
import org.methodportal.search.lucene.LuceneSearchIndex;

/** The embedding model runs offline and places a described problem near the entry about it. */
class BgeEmbedderTest {

    private static final Viewer MEMBER = new Viewer(9, false, Set.of());
    private final BgeEmbedder embedder = new BgeEmbedder();

    @Test
    void vectorsHaveUnitLengthAndTheModelsDimensions() {
        float[] v = embedder.embed("新同志刚进机关不熟悉情况怎么办");
        assertThat(v).hasSize(embedder.dimensions());
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(embedder.embedAll(List.of("谈心谈话", "主题党日"))).hasSize(2);
    }

    @Test
    void aQuestionSharingNoTitleWordFindsTheEntryAboutIt(@TempDir Path dir) throws Exception {
        List<IndexDocument> docs = SearchCorpus.documents();
        List<float[]> vectors = embedder.embedAll(docs.stream().map(IndexDocument::semanticText).toList());
        try (var index = new LuceneSearchIndex(dir)) {
            index.apply(java.util.stream.IntStream.range(0, docs.size())
                    .mapToObj(i -> docs.get(i).withVector(vectors.get(i))).toList(), List.of());
            var filters = new IndexQuery(List.of(), List.of(), null, Set.of("PUBLISHED"), null, null, null, null,
                    MEMBER, false, 0, 10);
            long started = System.nanoTime();
            List<VectorHit> hits = index.nearest(filters, embedder.embed("新来的同志不熟悉业务怎么带"), 5, 0f);
            System.out.printf("nearest %s in %d ms%n", hits, (System.nanoTime() - started) / 1_000_000);
            hits.forEach(h -> System.out.println(docs.stream().filter(d -> d.id() == h.id()).findFirst().orElseThrow().title()
                    + " " + h.similarity()));
            assertThat(hits).hasSize(5);
            assertThat(hits.getFirst().similarity()).isGreaterThan(hits.getLast().similarity());
        }
    }
}
