package org.methodportal.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.methodportal.search.SearchProperties;
import org.methodportal.search.engine.IndexDamage;
import org.methodportal.search.engine.IndexDamagedException;
import org.methodportal.search.engine.SearchCorpus;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.engine.SearchIndexContract;
import org.methodportal.shared.PortalProperties;

class LuceneSearchIndexTest extends SearchIndexContract {

    @Override
    protected SearchIndex open(Path directory) {
        return new LuceneSearchIndex(directory);
    }

    @Override
    protected SearchIndex reopen(int facetSample) {
        return new LuceneSearchIndex(dir, facetSample);
    }

    @Override
    protected void destroyBehindItsBack() throws IOException {
        DamagedIndexes.deleteTree(dir);
    }

    @Test
    void aCorruptedSegmentAtOpenIsMovedAsideAndAnEmptyIndexServesInItsPlace() throws Exception {
        Path serving = ((LuceneSearchIndex) index).servingDirectory();
        index.close();
        long corrupted = DamagedIndexes.corruptLargestFile(serving);

        index = open(dir);

        IndexDamage damage = index.damageAtOpen();
        assertThat(damage).as("the start does not fail").isNotNull();
        assertThat(damage.reason()).isNotBlank();
        Path aside = Path.of(damage.setAside());
        assertThat(aside.getParent()).isEqualTo(dir);
        assertThat(aside.getFileName().toString()).startsWith("damaged-").endsWith(serving.getFileName().toString());
        assertThat(DamagedIndexes.bytesIn(aside)).as("kept whole, never deleted").isGreaterThanOrEqualTo(corrupted);
        assertThat(serving).doesNotExist();
        assertThat(index.count()).isZero();
        index.check();
        index.apply(SearchCorpus.documents().subList(0, 2), List.of());
        assertThat(index.count()).isEqualTo(2);

        index.close();
        index = open(dir);
        assertThat(index.damageAtOpen()).as("the new index opens fine next time").isNull();
        assertThat(index.count()).isEqualTo(2);
        assertThat(aside).as("and the damaged one is still kept").exists();
    }

    @Test
    void aSegmentCorruptedUnderTheRunningPortalIsReportedAsDamagedBySearches() throws Exception {
        DamagedIndexes.corruptLargestFile(((LuceneSearchIndex) index).servingDirectory());

        assertThatThrownBy(() -> search("对接")).isInstanceOf(IndexDamagedException.class)
                .hasRootCauseInstanceOf(CorruptIndexException.class);
    }

    @Test
    void anIndexWrittenBeforeTheCombinedFieldsStillAnswersUntilARebuildBringsItUpToDate() throws Exception {
        Path serving = ((LuceneSearchIndex) index).servingDirectory();
        index.close();
        // the corpus as an older version wrote it: each text field on its own, no combined fields
        try (var directory = org.apache.lucene.store.FSDirectory.open(serving);
             var writer = new org.apache.lucene.index.IndexWriter(directory,
                     new org.apache.lucene.index.IndexWriterConfig(LuceneSearchIndex.analyzer())
                             .setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.CREATE))) {
            for (var document : SearchCorpus.documents()) {
                var doc = LuceneSearchIndex.document(document);
                doc.removeFields(LuceneSearchIndex.ALL);
                doc.removeFields(LuceneSearchIndex.ALL + Analyzers.BIGRAMS);
                writer.addDocument(doc);
            }
        }

        index = open(dir);

        assertThat(index.outdated()).isTrue();
        assertThat(ids(search("三审三核"))).as("searched field by field meanwhile").startsWith(1L);
        try (SearchIndex.Rebuild rebuild = index.startRebuild()) {
            rebuild.add(SearchCorpus.documents());
            rebuild.complete();
        }
        assertThat(index.outdated()).isFalse();
        assertThat(ids(search("三审三核"))).startsWith(1L);
    }

    @Test
    void aRebuiltIndexServesOneSegment() throws Exception {
        index.close();
        // a buffer so small that the rebuild writes many segments
        index = new LuceneSearchIndex(dir, SearchIndex.FACET_SAMPLE, 0.05);
        try (SearchIndex.Rebuild rebuild = index.startRebuild()) {
            for (var document : SearchCorpus.documents()) {
                rebuild.add(List.of(document));
            }
            rebuild.complete();
        }
        index.apply(List.of(SearchCorpus.documents().getFirst()), List.of());

        try (var directory = FSDirectory.open(((LuceneSearchIndex) index).servingDirectory());
             var reader = DirectoryReader.open(directory)) {
            assertThat(reader.leaves()).as("the rebuilt documents in one segment, a later change in its own")
                    .hasSize(2);
            assertThat(reader.leaves().getFirst().reader().maxDoc()).isEqualTo(SearchCorpus.documents().size());
        }
        assertThat(ids(search("三审三核"))).startsWith(1L);
    }

    @Test
    void reopensTheIndexItServedLastAfterARebuild() throws Exception {
        try (SearchIndex.Rebuild rebuild = index.startRebuild()) {
            rebuild.add(SearchCorpus.documents().subList(0, 3));
            rebuild.complete();
        }
        index.close();
        Files.createDirectories(dir.resolve("index-1").resolve("leftover"));

        index = open(dir);

        assertThat(index.count()).isEqualTo(3);
        try (var dirs = Files.list(dir)) {
            assertThat(dirs.filter(Files::isDirectory).toList()).as("old and unfinished generations removed").hasSize(1);
        }
        assertThat(ids(search("三审三核"))).isEqualTo(List.of(1L));
    }

    @Test
    void buildDirectoriesOfACrashedRebuildAreRemovedAtStartButNeverTheServingOne() throws Exception {
        long documents = index.count();
        Path serving = ((LuceneSearchIndex) index).servingDirectory();
        index.close();
        // a rebuild was filling a newer directory when the process died: never completed, never served
        Path leftover = dir.resolve("index-" + (System.currentTimeMillis() + 60_000));
        LuceneBaseline.indexBare(SearchCorpus.documents().subList(0, 2), leftover, 1);

        index = open(dir);

        assertThat(leftover).doesNotExist();
        assertThat(((LuceneSearchIndex) index).servingDirectory()).isEqualTo(serving).exists();
        assertThat(index.count()).isEqualTo(documents).isPositive();
    }

    @Test
    void refusesToStartWhenSeveralInstancesShareTheDatabase() {
        var outbox = new SearchProperties.Outbox(true, 100, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMinutes(10), Duration.ofSeconds(10));
        var properties = new SearchProperties(true, SearchProperties.ReindexOnStartup.IF_EMPTY, 2, null, outbox,
                new SearchProperties.Elasticsearch(List.of(), null, null, null, "method-portal"),
                new SearchProperties.Semantic(true, 2), SearchIndex.FACET_SAMPLE);

        assertThatThrownBy(() -> new LuceneConfig().luceneSearchIndex(properties, new PortalProperties(dir, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("portal.search.multi-instance=true")
                .hasMessageContaining("portal.search.elasticsearch.uris");
    }
}
