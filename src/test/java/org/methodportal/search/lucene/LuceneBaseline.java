package org.methodportal.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
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
            var facets = searcher.search(withoutStatus, FacetCollector.Manager.exact(query.statuses()));
            TopDocs top = searcher.search(full, query.offset() + query.limit());
            if (highlight && top.scoreDocs.length > 0) {
                int[] docIds = Stream.of(top.scoreDocs).mapToInt(d -> d.doc).toArray();
                new LuceneSearchIndex.Highlighter(searcher, LuceneSearchIndex.analyzer()).highlight(main, docIds);
            }
            return facets.total();
        }

        private record Queries(Query main, Query withoutStatus, Query full) {
        }

        /**
         * The ids of the first {@code n} hits when every match is scored by the rich per-field
         * query, as the index ranked before its first stage: what rescoring only the first stage's
         * best hits is compared with.
         */
        public List<Long> fullyScoredIds(IndexQuery query, int n) throws IOException {
            BooleanQuery.Builder base = new BooleanQuery.Builder().add(index.richQuery(query), Occur.MUST);
            LuceneSearchIndex.filters(base, query);
            base.add(new TermInSetQuery(LuceneSearchIndex.STATUS, query.statuses().stream().map(BytesRef::new).toList()),
                    Occur.FILTER);
            TopDocs top = searcher.search(base.build(), n);
            List<Long> ids = new ArrayList<>();
            for (var sd : top.scoreDocs) {
                ids.add(Long.parseLong(searcher.storedFields().document(sd.doc, Set.of(LuceneSearchIndex.ID))
                        .get(LuceneSearchIndex.ID)));
            }
            return ids;
        }

        /** The text query, it with the filters but the status (for the facets), and with the status too. */
        private Queries queries(IndexQuery query) {
            Query main = index.mainQuery(query);
            BooleanQuery.Builder base = new BooleanQuery.Builder().add(main, Occur.MUST);
            LuceneSearchIndex.filters(base, query);
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
            searcher.search(withoutStatus, FacetCollector.Manager.exact(query.statuses()));
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

    /**
     * The floor of the search benchmark: what Lucene alone costs for a plain search over the same
     * documents, on a copy of the serving index merged into one segment. Any of the text's smartcn
     * words or bigrams in any of ten text fields (OR semantics, BM25, no weights, no filters), the
     * first 10 hits, the category facet over all matches and the highlight of three fields.
     */
    public static final class FloorSearch implements AutoCloseable {

        static final List<String> FIELDS = List.of("title", "tags", "summary", "problem", "concept", "measures",
                "steps", "outcomes", "applicability", "body");
        private static final String[] HIGHLIGHTED = {"title" + Analyzers.BIGRAMS, "summary" + Analyzers.BIGRAMS,
                "problem" + Analyzers.BIGRAMS};

        private final Directory directory;
        private final DirectoryReader reader;
        private final IndexSearcher searcher;
        private final Analyzer words = Analyzers.words();
        private final Analyzer bigrams = Analyzers.bigrams();
        private final UnifiedHighlighter highlighter;

        /** Copies the serving index of {@code index} into {@code copy} and merges it into one segment. */
        public FloorSearch(LuceneSearchIndex index, Path copy) throws IOException {
            Files.createDirectories(copy);
            try (Stream<Path> files = Files.list(index.servingDirectory())) {
                for (Path file : files.filter(f -> !f.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME))
                        .toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            this.directory = FSDirectory.open(copy);
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(LuceneSearchIndex.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
                writer.forceMerge(1);
            }
            this.reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
            this.highlighter = UnifiedHighlighter.builder(searcher, LuceneSearchIndex.analyzer())
                    .withHighlightPhrasesStrictly(false).build();
        }

        public int segments() {
            return reader.leaves().size();
        }

        /** The search of a text; returns the number of matches. */
        public long search(String text) throws IOException {
            var query = new BooleanQuery.Builder();
            Set<String> wordTerms = new LinkedHashSet<>(LuceneSearchIndex.tokens(words, text));
            Set<String> gramTerms = new LinkedHashSet<>(LuceneSearchIndex.tokens(bigrams, text));
            for (String field : FIELDS) {
                wordTerms.forEach(w -> query.add(new TermQuery(new Term(field, w)), Occur.SHOULD));
                gramTerms.forEach(g -> query.add(new TermQuery(new Term(field + Analyzers.BIGRAMS, g)), Occur.SHOULD));
            }
            Query q = query.build();
            Object[] results = searcher.search(q, new MultiCollectorManager(
                    new TopScoreDocCollectorManager(10, null, Integer.MAX_VALUE), new CategoryCounts()));
            TopDocs top = (TopDocs) results[0];
            if (top.scoreDocs.length > 0) {
                int[] docIds = Stream.of(top.scoreDocs).mapToInt(d -> d.doc).toArray();
                highlighter.highlightFields(HIGHLIGHTED, q, docIds, new int[] {1, 2, 2});
            }
            return ((Map<?, ?>) results[1]).values().stream().mapToLong(c -> ((long[]) c)[0]).sum();
        }

        @Override
        public void close() throws IOException {
            reader.close();
            directory.close();
        }

        /** Counts the category of every match (the one facet of the floor). */
        private static final class CategoryCounts implements CollectorManager<CategoryCollector, Map<String, long[]>> {

            @Override
            public CategoryCollector newCollector() {
                return new CategoryCollector();
            }

            @Override
            public Map<String, long[]> reduce(Collection<CategoryCollector> collectors) {
                Map<String, long[]> all = new HashMap<>();
                collectors.forEach(c -> c.counts.forEach((k, v) -> all.computeIfAbsent(k, x -> new long[1])[0] += v[0]));
                return all;
            }
        }

        private static final class CategoryCollector extends SimpleCollector {

            final Map<String, long[]> counts = new HashMap<>();
            private SortedSetDocValues values;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                values = DocValues.getSortedSet(context.reader(), LuceneSearchIndex.CATEGORY);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (values.advanceExact(doc)) {
                    for (int i = 0; i < values.docValueCount(); i++) {
                        counts.computeIfAbsent(values.lookupOrd(values.nextOrd()).utf8ToString(), k -> new long[1])[0]++;
                    }
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }
}
