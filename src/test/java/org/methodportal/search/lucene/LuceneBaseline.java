package org.methodportal.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.engine.IndexQuery;

/**
 * The yardsticks of the search benchmark: Lucene used directly, without the portal around it. A
 * bare indexing loop (the same documents and analysis as the embedded index, the same number of
 * threads, one commit) and the raw search of a query on the portal's own index (the same Lucene
 * query, facets and highlighting, without the service, the query planner and the result mapping).
 */
public final class LuceneBaseline {

    private LuceneBaseline() {
    }

    /** Indexes the documents into a new index in {@code dir} with {@code threads} threads; returns the count. */
    public static long indexBare(List<IndexDocument> documents, Path dir, int threads) throws Exception {
        var config = new IndexWriterConfig(LuceneSearchIndex.analyzer()).setRAMBufferSizeMB(64)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        var next = new AtomicInteger();
        try (Directory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < documents.size(); i = next.getAndIncrement()) {
                            writer.addDocument(LuceneSearchIndex.document(documents.get(i)));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            writer.commit();
            return writer.getDocStats().numDocs;
        }
    }

    /** Raw searches on a copy-free reader of the index the portal serves. */
    public static final class RawSearch implements AutoCloseable {

        private final LuceneSearchIndex index;
        private final Directory directory;
        private final DirectoryReader reader;
        private final IndexSearcher searcher;

        public RawSearch(LuceneSearchIndex index) throws IOException {
            this.index = index;
            this.directory = FSDirectory.open(index.servingDirectory());
            this.reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
        }

        /**
         * The Lucene work of one search: the query with its filters for the first page, the facet
         * counts and (when {@code highlight}) the fragments of the page's hits; returns the total.
         */
        public long search(IndexQuery query, boolean highlight) throws IOException {
            Queries q = queries(query);
            Query main = q.main();
            Query withoutStatus = q.withoutStatus();
            Query full = q.full();
            var facets = searcher.search(withoutStatus, new FacetCollector.Manager(query.statuses()));
            TopDocs top = searcher.search(full, query.offset() + query.limit());
            if (highlight && top.scoreDocs.length > 0) {
                int[] docIds = Stream.of(top.scoreDocs).mapToInt(d -> d.doc).toArray();
                new LuceneSearchIndex.Highlighter(searcher, LuceneSearchIndex.analyzer()).highlight(main, docIds);
            }
            return facets.total();
        }

        private record Queries(Query main, Query withoutStatus, Query full) {
        }

        /** The text query, it with the filters but the status (for the facets), and with the status too. */
        private Queries queries(IndexQuery query) {
            Query main = index.mainQuery(query);
            BooleanQuery.Builder base = new BooleanQuery.Builder().add(main, Occur.MUST);
            LuceneSearchIndex.filters(base, query.viewer(), query.category(), query.departmentId(), query.tag(),
                    query.year());
            Query withoutStatus = base.build();
            Query full = new BooleanQuery.Builder().add(withoutStatus, Occur.MUST)
                    .add(new TermInSetQuery(LuceneSearchIndex.STATUS,
                            query.statuses().stream().map(BytesRef::new).toList()), Occur.FILTER)
                    .build();
            return new Queries(main, withoutStatus, full);
        }

        /**
         * The phases of {@link #search} timed one by one, in ms: matching alone (a count, no
         * scores, no facets), the facet pass, the top-hits pass, the highlighter on the page, and
         * the facets and the top hits in the one pass the portal runs now.
         */
        public double[] phases(IndexQuery query) throws IOException {
            Queries q = queries(query);
            Query main = q.main();
            Query withoutStatus = q.withoutStatus();
            Query full = q.full();
            long t0 = System.nanoTime();
            searcher.count(withoutStatus);
            long t1 = System.nanoTime();
            searcher.search(withoutStatus, new FacetCollector.Manager(query.statuses()));
            long t2 = System.nanoTime();
            TopDocs top = searcher.search(full, query.offset() + query.limit());
            long t3 = System.nanoTime();
            if (top.scoreDocs.length > 0) {
                int[] docIds = Stream.of(top.scoreDocs).mapToInt(d -> d.doc).toArray();
                new LuceneSearchIndex.Highlighter(searcher, LuceneSearchIndex.analyzer()).highlight(main, docIds);
            }
            long t4 = System.nanoTime();
            LuceneSearchIndex.facetsAndTop(searcher, withoutStatus, query);
            long t5 = System.nanoTime();
            return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6,
                    (t5 - t4) / 1e6};
        }

        @Override
        public void close() throws IOException {
            reader.close();
            directory.close();
        }
    }
}
