package org.methodportal.search.lucene;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.BreakIterator;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.search.FacetCount;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchResult;
import org.methodportal.search.SearchSort;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.engine.DraftSimilarity;
import org.methodportal.search.engine.HybridRanking;
import org.methodportal.search.engine.IndexDamage;
import org.methodportal.search.engine.IndexDamagedException;
import org.methodportal.search.engine.IndexQuery;
import org.methodportal.search.engine.QueryText;
import org.methodportal.search.engine.Ranking;
import org.methodportal.search.engine.RebuildWrites;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.engine.VectorHit;
import org.methodportal.search.engine.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded search engine: a Lucene index in a directory of its own under {@code root}. The file
 * {@code root/current} names the directory serving; a rebuild fills a new directory and then
 * switches the name, so searches never see a half-built index. One process only (Lucene's write
 * lock enforces it). A generation that cannot be opened or written any more (corrupted files, a
 * directory deleted under the running portal) is moved aside to {@code root/damaged-<time>-<name>},
 * never deleted, and an empty generation serves until the indexer has rebuilt it from the database.
 */
public final class LuceneSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);

    /** Text fields and their weights: title ≫ tags, summary ≫ problem, concept ≫ measures, steps, outcomes ≫ the rest. */
    static final Map<String, Float> WEIGHTS = IndexDocument.WEIGHTS;
    static final String ID = "id";
    static final String EXTERNAL_ID = "external_id";
    static final String STATUS = "status";
    static final String OWNER = "owner";
    static final String DEPARTMENT = "department";
    static final String DEPARTMENT_NAME = "department_name";
    static final String CATEGORY = "category";
    static final String TAG = "tag";
    static final String YEAR = "year";
    static final String CREATED = "created";
    /** Branches using the method now (doc values, for "most adopted first"). */
    static final String ADOPTIONS = "adoptions";
    /** "1" on a method some branch uses now (已被采用), absent otherwise. */
    static final String ADOPTED = "adopted";
    static final String PINYIN = "pinyin";
    static final String INITIALS = "initials";
    static final String TITLE_KEY = "title_key";
    static final String PINYIN_KEY = "pinyin_key";
    static final String INITIALS_KEY = "initials_key";
    /**
     * Every text field once more in one field, as words ({@code all}) and as bigrams
     * ({@code all.bi}), without positions: the first stage of a search matches and scores on these
     * two fields only, and the rich per-field scoring runs on its best {@link Ranking#RESCORED} hits.
     */
    static final String ALL = "all";
    /** The first stage's score of a match by its words alone (a bigram found scores about 1 to 10). */
    private static final float FIRST_STAGE_WORDS_ONLY = 0.1f;
    /** The embedding of a method (HNSW graph; cosine). */
    static final String VECTOR = "vector";
    static final String[] SIMILAR_FIELDS = {"title", "problem", "measures"};
    private static final char LABEL_SEPARATOR = '\u001f';
    private static final String CURRENT = "current";
    static final String DAMAGED = "damaged-";
    private static final DateTimeFormatter DAMAGED_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final int FRAGMENTS = 2;
    private static final int FRAGMENT_LENGTH = 90;

    private static final FieldType BIGRAM_TYPE = bigramType();
    private static final FieldType COMBINED_TYPE = combinedType();
    /** A larger writer buffer while rebuilding: fewer, larger segments to flush and merge. */
    private static final double REBUILD_BUFFER_MB = 64;

    private final Path root;
    /** Hits the facets are counted over at most ({@link SearchIndex#FACET_SAMPLE}). */
    private final int facetSample;
    private final double rebuildBufferMb;
    private final Analyzer analyzer;
    private final Analyzer bigrams = Analyzers.bigrams();
    private final Object writeLock = new Object();
    /** Null only while no generation can be opened at all (e.g. the disk refuses); every call then fails as damaged. */
    private volatile @Nullable Generation current;
    private @Nullable LuceneRebuild rebuild;
    private final @Nullable IndexDamage damageAtOpen;
    /**
     * Whether every document of the serving index has the combined fields ({@link #ALL}); an index
     * written before they existed is searched field by field until a rebuild replaces it.
     */
    private volatile boolean combinedFields = true;

    /**
     * Opens the generation serving last. When it cannot be opened (corrupted files, unreadable
     * pointer), it is set aside and an empty generation serves instead, so the portal starts; the
     * damage is reported by {@link #damageAtOpen()} for the indexer to rebuild from the database.
     */
    public LuceneSearchIndex(Path root) {
        this(root, FACET_SAMPLE);
    }

    /** The index in {@code root}, counting the facets of a search over at most its {@code facetSample} best hits. */
    public LuceneSearchIndex(Path root, int facetSample) {
        this(root, facetSample, REBUILD_BUFFER_MB);
    }

    /** As {@link #LuceneSearchIndex(Path, int)}, a rebuild buffering this many MB per segment it writes (tests). */
    LuceneSearchIndex(Path root, int facetSample, double rebuildBufferMb) {
        if (facetSample < 1) {
            throw new IllegalArgumentException("the facets need a sample of at least one hit, not " + facetSample);
        }
        this.root = root;
        this.facetSample = facetSample;
        this.rebuildBufferMb = rebuildBufferMb;
        this.analyzer = analyzer();
        Path serving = root.resolve("index-0");
        IndexDamage damage = null;
        try {
            Files.createDirectories(root);
            Path pointer = root.resolve(CURRENT);
            String name = Files.exists(pointer) ? Files.readString(pointer, StandardCharsets.UTF_8).strip() : "index-0";
            serving = root.resolve(name);
            current = open(serving);
            count();
            combinedFields = hasCombinedFields(current);
            removeOtherGenerations(name);
            log.info("search index at {} holds {} documents", serving, count());
        } catch (IOException | RuntimeException e) {
            log.error("search index at {} cannot be opened, setting it aside and rebuilding it from the database",
                    serving, e);
            Generation opened = current;
            if (opened != null) {
                opened.close();
            }
            current = null;
            String aside = Files.exists(serving) ? moveAside(serving) : null;
            damage = new IndexDamage(e.toString(), aside);
            current = openFresh();
        }
        this.damageAtOpen = damage;
    }

    /** Whether every segment holding documents has the combined fields. */
    private static boolean hasCombinedFields(Generation generation) throws IOException {
        IndexSearcher searcher = generation.searchers().acquire();
        try {
            return searcher.getIndexReader().leaves().stream().filter(l -> l.reader().numDocs() > 0)
                    .allMatch(l -> l.reader().getFieldInfos().fieldInfo(ALL + Analyzers.BIGRAMS) != null);
        } finally {
            generation.searchers().release(searcher);
        }
    }

    @Override
    public boolean outdated() {
        return !combinedFields;
    }

    /** The analysis of every field (public for the benchmark's bare indexing loop). */
    public static Analyzer analyzer() {
        return Analyzers.perField(textAndCombinedFields(), PINYIN, INITIALS);
    }

    private static List<String> textAndCombinedFields() {
        List<String> fields = new ArrayList<>(WEIGHTS.keySet());
        fields.add(ALL);
        return fields;
    }

    @Override
    public String engineName() {
        Generation generation = current;
        return "Lucene " + (generation == null ? root : generation.path);
    }

    /** The directory of the generation serving now. */
    public Path servingDirectory() {
        return serving().path;
    }

    @Override
    public @Nullable IndexDamage damageAtOpen() {
        return damageAtOpen;
    }

    @Override
    public void check() {
        Generation generation = serving();
        if (!Files.isDirectory(generation.path)) {
            throw new IndexDamagedException("the search index directory " + generation.path + " is gone");
        }
        if (!generation.writer.isOpen() || generation.writer.getTragicException() != null) {
            throw new IndexDamagedException("the search index in " + generation.path + " can no longer be written",
                    generation.writer.getTragicException() == null ? new IllegalStateException("writer closed")
                            : generation.writer.getTragicException());
        }
    }

    @Override
    public @Nullable String setAside() {
        synchronized (writeLock) {
            Generation damaged = current;
            current = null;
            String aside = null;
            if (damaged != null) {
                damaged.close();
                if (Files.exists(damaged.path)) {
                    aside = moveAside(damaged.path);
                }
            }
            current = openFresh();
            return aside;
        }
    }

    /**
     * Moves a damaged generation to {@code root/damaged-<time>-<name>}, where no start-up clean-up
     * touches it; returns where it now is (still the old place when it could not be moved).
     */
    private String moveAside(Path dir) {
        Path target = root.resolve(DAMAGED + DAMAGED_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
                + dir.getFileName());
        try {
            Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
            log.warn("damaged search index moved aside to {}", target);
            return target.toString();
        } catch (IOException | RuntimeException e) {
            log.warn("could not move the damaged search index {} aside, left in place: {}", dir, e.toString());
            return dir.toString();
        }
    }

    /**
     * An empty generation named in the pointer, to serve until a rebuild replaces it; null when
     * even that fails (every call then fails as damaged, and the indexer tries again later).
     */
    private @Nullable Generation openFresh() {
        try {
            Files.createDirectories(root);
            Path dir = newGenerationDirectory();
            Generation fresh = open(dir);
            point(dir);
            combinedFields = true;
            return fresh;
        } catch (IOException | RuntimeException e) {
            log.error("cannot create a new search index under {}", root, e);
            return null;
        }
    }

    /**
     * A directory for a new generation, named by the time (newer generations sort later) and never
     * one already there: a rebuild right after an empty index replaced a damaged one may start
     * within the same millisecond.
     */
    private Path newGenerationDirectory() {
        long stamp = System.currentTimeMillis();
        while (Files.exists(root.resolve("index-" + stamp))) {
            stamp++;
        }
        return root.resolve("index-" + stamp);
    }

    /** Makes {@code root/current} name this directory, atomically. */
    private void point(Path dir) throws IOException {
        Path pointer = root.resolve(CURRENT);
        Path temp = root.resolve(CURRENT + ".tmp");
        Files.writeString(temp, dir.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(temp, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The generation serving, or a damage failure when none could be opened. */
    private Generation serving() {
        Generation generation = current;
        if (generation == null) {
            throw new IndexDamagedException("no search index could be opened under " + root);
        }
        return generation;
    }

    /**
     * The failure as a damage of the index when it is one: corrupted or missing files, a writer
     * Lucene closed after a tragic error, or the generation's directory gone; otherwise unchanged.
     */
    private static RuntimeException classify(Exception e, Generation generation) {
        if (e instanceof IndexDamagedException damaged) {
            return damaged;
        }
        boolean damage = !Files.isDirectory(generation.path) || generation.writer.getTragicException() != null;
        for (Throwable t = e; t != null && !damage; t = t.getCause()) {
            damage = t instanceof CorruptIndexException || t instanceof IndexFormatTooOldException
                    || t instanceof IndexFormatTooNewException || t instanceof AlreadyClosedException
                    || t instanceof NoSuchFileException || t instanceof FileNotFoundException;
        }
        if (damage) {
            return new IndexDamagedException("the search index in " + generation.path + " is damaged: " + e, e);
        }
        return e instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) e);
    }

    // ---- writing

    @Override
    public void apply(List<IndexDocument> upserts, Collection<Long> deletes) {
        synchronized (writeLock) {
            Generation generation = serving();
            try {
                if (!Files.isDirectory(generation.path)) {
                    throw new IndexDamagedException("the search index directory " + generation.path + " is gone");
                }
                write(generation.writer, upserts, deletes);
                generation.refresh();
            } catch (RuntimeException e) {
                throw classify(e, generation);
            }
            if (rebuild != null) {
                rebuild.applied(upserts, deletes);
            }
        }
    }

    private void write(IndexWriter writer, List<IndexDocument> upserts, Collection<Long> deletes) {
        writeUncommitted(writer, upserts, deletes);
        commit(writer);
    }

    private static void writeUncommitted(IndexWriter writer, List<IndexDocument> upserts, Collection<Long> deletes) {
        try {
            for (IndexDocument d : upserts) {
                writer.updateDocument(new Term(ID, String.valueOf(d.id())), document(d));
            }
            for (long id : deletes) {
                writer.deleteDocuments(new Term(ID, String.valueOf(id)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void commit(IndexWriter writer) {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Lucene document of a method as this index stores it (public for the benchmark's bare indexing loop). */
    public static Document document(IndexDocument d) {
        var doc = new Document();
        doc.add(new StringField(ID, String.valueOf(d.id()), Field.Store.YES));
        if (d.externalId() != null) {
            doc.add(new StoredField(EXTERNAL_ID, d.externalId()));
        }
        keyword(doc, STATUS, d.status(), d.status());
        doc.add(new StringField(OWNER, String.valueOf(d.ownerId()), Field.Store.NO));
        keyword(doc, DEPARTMENT, String.valueOf(d.departmentId()), d.departmentId() + "" + LABEL_SEPARATOR
                + d.departmentName());
        doc.add(new StoredField(DEPARTMENT_NAME, d.departmentName()));
        keyword(doc, CATEGORY, d.category(), d.category());
        d.tags().forEach(tag -> keyword(doc, TAG, tag, tag));
        keyword(doc, YEAR, String.valueOf(d.year()), String.valueOf(d.year()));
        doc.add(new NumericDocValuesField(CREATED, d.createdAt().toEpochMilli()));
        doc.add(new NumericDocValuesField(ADOPTIONS, d.adoptions()));
        if (d.adoptions() > 0) {
            doc.add(new StringField(ADOPTED, "1", Field.Store.NO));
        }
        text(doc, "title", d.title());
        d.tags().forEach(tag -> text(doc, "tags", tag));
        text(doc, "summary", d.summary());
        text(doc, "problem", d.problem());
        text(doc, "concept", d.concept());
        d.measures().forEach(m -> text(doc, "measures", m));
        d.steps().forEach(s -> text(doc, "steps", s));
        text(doc, "outcomes", d.outcomes());
        text(doc, "applicability", d.applicability());
        text(doc, "body", d.body());
        text(doc, "rawPractice", d.rawPractice());
        d.pinyin().forEach(p -> doc.add(new TextField(PINYIN, p, Field.Store.NO)));
        d.initials().forEach(p -> doc.add(new TextField(INITIALS, p, Field.Store.NO)));
        doc.add(new StringField(TITLE_KEY, IndexDocument.titleKey(d.title()), Field.Store.NO));
        if (!d.pinyin().isEmpty()) {
            doc.add(new StringField(PINYIN_KEY, d.pinyin().getFirst().replace(" ", ""), Field.Store.NO));
            doc.add(new StringField(INITIALS_KEY, d.initials().getFirst().replace(" ", ""), Field.Store.NO));
        }
        if (d.vector() != null) {
            doc.add(new KnnFloatVectorField(VECTOR, d.vector(), VectorSimilarityFunction.COSINE));
        }
        return doc;
    }

    private static void keyword(Document doc, String field, String value, String facetValue) {
        doc.add(new StringField(field, value, Field.Store.YES));
        doc.add(new SortedSetDocValuesField(field, new BytesRef(facetValue)));
    }

    private static void text(Document doc, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.NO));
            doc.add(new Field(field + Analyzers.BIGRAMS, value, BIGRAM_TYPE));
            doc.add(new Field(ALL, value, COMBINED_TYPE));
            doc.add(new Field(ALL + Analyzers.BIGRAMS, value, COMBINED_TYPE));
        }
    }

    // ---- searching

    @Override
    public SearchResult search(IndexQuery query) {
        Query main = mainQuery(query);
        // the rich query names the terms of each field, so it also marks the page's fragments
        Query rich = query.matchesAll() ? null : rescoreQuery(query);
        float[] vector = query.vector();
        if (vector == null || rich == null) {
            return withSearcher(searcher -> lexical(searcher, query, main, rich, NONE));
        }
        return withSearcher(searcher -> hybrid(searcher, query, main, rich, vector));
    }

    @Override
    public long countMatches(IndexQuery query, long atMost) {
        Query full = new BooleanQuery.Builder().add(withoutStatus(mainQuery(query), query), Occur.MUST)
                .add(terms(STATUS, query.statuses()), Occur.FILTER).build();
        return withSearcher(searcher -> atMost >= Integer.MAX_VALUE ? (long) searcher.count(full)
                : searcher.search(full, new CountUpTo(atMost)));
    }

    /** The rich query when the first stage's best hits are to be ordered by it, else null. */
    private @Nullable Query rescoring(IndexQuery query, @Nullable Query rich) {
        return query.byField() || !combinedFields ? null : rich;
    }

    /**
     * A search of the matches of {@code matched}, ranked by score (or newest first), highlighted by
     * the text query; the {@code near} docs (the semantic leg's, among the matches) are counted in
     * the facets however they score.
     */
    private SearchResult lexical(IndexSearcher searcher, IndexQuery query, Query matched, @Nullable Query rich,
                                 int[] near) throws IOException {
        var pass = facetsAndTop(searcher, withoutStatus(matched, query), query, query.offset() + query.limit(),
                rescoring(query, rich), facetSample, near);
        TopDocs top = pass.top();
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(query.offset(), top.scoreDocs.length),
                top.scoreDocs.length);
        List<SearchHit> hits = hits(searcher, page, rich);
        return new SearchResult(pass.facets().total(), hits, pass.facets().counts(), query.offset() / query.limit(),
                query.limit(), pass.facets().approximate());
    }

    /**
     * Both legs: the methods nearest to the query's embedding (filtered like the search) join the
     * matches of the text, so they are counted in the total and the facets like any match; a zero
     * score keeps the text's own ranking of its matches, which is fused with the semantic ranking
     * ({@link HybridRanking}). An order by a field needs no fusion: the joined matches by date or adoptions.
     */
    private SearchResult hybrid(IndexSearcher searcher, IndexQuery query, Query main, Query rich, float[] vector)
            throws IOException {
        List<ScoreDoc> near = nearestDocs(searcher, query, vector, HybridRanking.NEAREST, HybridRanking.MIN_SIMILARITY);
        // Lucene's doc ids identify the methods within this searcher: the fusion needs no stored field.
        List<VectorHit> close = HybridRanking.close(near.stream().map(d -> new VectorHit(d.doc, d.score)).toList());
        if (close.isEmpty()) {
            return lexical(searcher, query, main, rich, NONE);
        }
        int[] closeDocs = close.stream().mapToInt(h -> (int) h.id()).toArray();
        var nearDocs = new ArrayList<BytesRef>(close.size());
        StoredFields stored = searcher.storedFields();
        for (VectorHit hit : close) {
            nearDocs.add(new BytesRef(stored.document((int) hit.id(), Set.of(ID)).get(ID)));
        }
        Query matched = new BooleanQuery.Builder().add(main, Occur.SHOULD)
                .add(new BoostQuery(new ConstantScoreQuery(new TermInSetQuery(ID, nearDocs)), 0f), Occur.SHOULD)
                .setMinimumNumberShouldMatch(1).build();
        if (query.byField()) {
            return lexical(searcher, query, matched, rich, closeDocs);
        }
        var pass = facetsAndTop(searcher, withoutStatus(matched, query), query,
                Math.max(HybridRanking.WINDOW, query.offset() + query.limit()), rescoring(query, rich), facetSample,
                closeDocs);
        List<Long> lexicalDocs = new ArrayList<>();
        for (ScoreDoc sd : pass.top().scoreDocs) {
            // a method found only by the semantic leg scores 0 here
            if (sd.score > 0) {
                lexicalDocs.add((long) sd.doc);
            }
        }
        List<HybridRanking.Fused> order = HybridRanking.order(lexicalDocs, close);
        ScoreDoc[] page = order.subList(Math.min(query.offset(), order.size()),
                        Math.min(query.offset() + query.limit(), order.size())).stream()
                .map(f -> new ScoreDoc((int) f.id(), (float) f.score())).toArray(ScoreDoc[]::new);
        return new SearchResult(pass.facets().total(), hits(searcher, page, rich), pass.facets().counts(),
                query.offset() / query.limit(), query.limit(), pass.facets().approximate());
    }

    private static Query withoutStatus(Query matched, IndexQuery query) {
        BooleanQuery.Builder base = new BooleanQuery.Builder().add(matched, Occur.MUST);
        filters(base, query);
        return base.build();
    }

    record FacetsAndTop(FacetCollector.Result facets, TopDocs top) {
    }

    private static final int[] NONE = {};

    /**
     * The facets and the first {@code wanted} hits in the statuses searched, in one pass over the
     * matches: the text query is the cost of a search, and running it twice (once for the facets,
     * once with the status filter for the page) cost nearly twice the time. The status facet and
     * the total count every match; the other facets the hits of a sample ({@link
     * SearchIndex#FACET_SAMPLE}). With a {@code rescore} query, the pass scores cheaply and only its
     * best {@link Ranking#RESCORED} hits (or the page, when further down) are scored again by the
     * rich query and ordered by that. Package-private for the benchmark's raw Lucene baseline.
     */
    static FacetsAndTop facetsAndTop(IndexSearcher searcher, Query withoutStatus, IndexQuery query) throws IOException {
        return facetsAndTop(searcher, withoutStatus, query, query.offset() + query.limit(), null, FACET_SAMPLE, NONE);
    }

    /**
     * The facets and the first {@code hitsWanted} hits in the statuses searched, in one pass. The
     * facets but the status are counted over the best {@code facetSample} hits by the first
     * stage's score (whatever the order of the page), plus the {@code near} docs: all the matches
     * when there are no more, so they are exact then; the status facet and the total over all.
     * Without a text (browsing) no hit ranks above another, so the facets count every match.
     */
    static FacetsAndTop facetsAndTop(IndexSearcher searcher, Query withoutStatus, IndexQuery query, int hitsWanted,
                                     @Nullable Query rescore, int facetSample, int[] near) throws IOException {
        int maxDoc = searcher.getIndexReader().maxDoc();
        int page = Math.max(1, Math.min(hitsWanted, maxDoc));
        int wanted = rescore == null ? page : Math.max(page, Math.min(Ranking.RESCORED, maxDoc));
        boolean sampling = !query.matchesAll();
        int sample = Math.max(1, Math.min(facetSample, maxDoc));
        // Every match is visited for the status facet and the total anyway, so the top collectors
        // count them all (Integer.MAX_VALUE) rather than skip: same hits, same scores, same tie
        // order (doc id). Ranked by score, the best hits of the page and of the sample are the
        // first of one queue; newest first, the sample needs a queue by score of its own.
        CollectorManager<?, ? extends TopDocs> topManager = query.byField()
                ? new TopFieldCollectorManager(fieldOrder(query), wanted, null, Integer.MAX_VALUE)
                : new TopScoreDocCollectorManager(sampling ? Math.max(wanted, sample) : wanted, null,
                        Integer.MAX_VALUE);
        var managers = new ArrayList<CollectorManager<?, ?>>();
        managers.add(sampling ? FacetCollector.Manager.statusAndTotal(query.statuses())
                : FacetCollector.Manager.exact(query.statuses()));
        managers.add(new StatusFilteredManager<>(query.statuses(), topManager));
        if (sampling && query.byField()) {
            managers.add(new StatusFilteredManager<>(query.statuses(),
                    new TopScoreDocCollectorManager(sample, null, Integer.MAX_VALUE)));
        }
        Object[] results = searcher.search(withoutStatus,
                new MultiCollectorManager(managers.toArray(CollectorManager<?, ?>[]::new)));
        TopDocs collected = (TopDocs) results[1];
        var facets = (FacetCollector.Result) results[0];
        if (sampling) {
            TopDocs byScore = query.byField() ? (TopDocs) results[2] : collected;
            facets = facets.withFacetsOf(searcher, sampled(byScore, sample, near));
        }
        TopDocs top = collected.scoreDocs.length <= wanted ? collected
                : new TopDocs(collected.totalHits, Arrays.copyOf(collected.scoreDocs, wanted));
        if (query.byField()) {
            TopFieldCollector.populateScores(top.scoreDocs, searcher, withoutStatus);
        }
        if (rescore != null && top.scoreDocs.length > 0) {
            top = new RichRescorer(rescore).rescore(searcher, top, page);
        }
        return new FacetsAndTop(facets, top);
    }

    /** Newest first, or most adopted first (then newest); the better match first among equals. */
    private static Sort fieldOrder(IndexQuery query) {
        SortField created = new SortField(CREATED, SortField.Type.LONG, true);
        return query.order() == SearchSort.MOST_ADOPTED
                ? new Sort(new SortField(ADOPTIONS, SortField.Type.LONG, true), created, SortField.FIELD_SCORE)
                : new Sort(created, SortField.FIELD_SCORE);
    }

    /**
     * The hits the facets are counted over: the first {@code sample} by score, and the {@code near}
     * docs of the semantic leg wherever they rank (they score nothing in the text query, yet the
     * fusion shows them among the first).
     */
    private static int[] sampled(TopDocs byScore, int sample, int[] near) {
        Set<Integer> docs = new LinkedHashSet<>();
        for (int d : near) {
            docs.add(d);
        }
        for (int i = 0; i < Math.min(sample, byScore.scoreDocs.length); i++) {
            docs.add(byScore.scoreDocs[i].doc);
        }
        return docs.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The query for the text as the first stage of a search: it decides what matches (counted,
     * faceted) and orders them cheaply (package-private for the benchmark's raw Lucene baseline).
     */
    Query mainQuery(IndexQuery query) {
        return textQuery(query, !combinedFields, true);
    }

    /** The rich per-field query that orders the best hits of the first stage ({@link Ranking#RESCORED}). */
    Query rescoreQuery(IndexQuery query) {
        // the hits it scores passed the first stage's test of the text's coverage: scoring needs no second test
        return textQuery(query, true, false);
    }

    /**
     * The rich per-field query with the coverage test, matching what the first stage matches: how the
     * index ranked every match before the first stage (package-private for the benchmark's baseline).
     */
    Query richQuery(IndexQuery query) {
        return textQuery(query, true, true);
    }

    private Query textQuery(IndexQuery query, boolean rich, boolean covered) {
        if (query.matchesAll()) {
            return new MatchAllDocsQuery();
        }
        var branches = new BooleanQuery.Builder();
        for (int i = 0; i < query.texts().size(); i++) {
            Query branch = textBranch(query.texts().get(i), i == 0 ? 1f : Ranking.ALTERNATIVE_FACTOR, rich, covered);
            if (branch != null) {
                branches.add(branch, Occur.SHOULD);
            }
        }
        if (!query.pinyin().isEmpty()) {
            branches.add(new BoostQuery(new PhraseQuery(PINYIN, query.pinyin().toArray(String[]::new)),
                    Ranking.PINYIN_BOOST), Occur.SHOULD);
        }
        if (query.initials() != null) {
            branches.add(new BoostQuery(new PhraseQuery(INITIALS, query.initials().split(" ")), Ranking.INITIALS_BOOST),
                    Occur.SHOULD);
        }
        return branches.setMinimumNumberShouldMatch(1).build();
    }

    /**
     * One reading of the text: most of its bigrams must occur somewhere (recall without noise);
     * the score adds, per field and weight, the exact phrase, the scattered bigrams and the words.
     */
    private @Nullable Query textBranch(QueryText reading, float factor, boolean rich, boolean covered) {
        String text = reading.text();
        List<String> grams = tokens(bigrams, reading.required());
        int scoredGrams = tokens(bigrams, text).size();
        if (grams.isEmpty() || scoredGrams == 0) {
            return null;
        }
        // In some field ⇔ in the combined field; an index written before it existed looks in each field.
        Collection<String> fields = combinedFields ? List.of(ALL) : WEIGHTS.keySet();
        var coverage = new BooleanQuery.Builder();
        for (String gram : new HashSet<>(grams)) {
            var anyField = new BooleanQuery.Builder();
            fields.forEach(f -> anyField.add(new TermQuery(new Term(f + Analyzers.BIGRAMS, gram)), Occur.SHOULD));
            coverage.add(anyField.build(), Occur.SHOULD);
        }
        int distinct = new HashSet<>(grams).size();
        coverage.setMinimumNumberShouldMatch(Ranking.requiredBigrams(distinct, reading.relaxation()));
        Query bigramsCovered = coverage.build();
        // Or most of its words (Ranking.words).
        List<String> textWords = Ranking.words(reading.required());
        @Nullable Query wordsCovered = null;
        if (!textWords.isEmpty()) {
            var wordCoverage = new BooleanQuery.Builder();
            for (String word : textWords) {
                var anyField = new BooleanQuery.Builder();
                fields.forEach(f -> anyField.add(new TermQuery(new Term(f, word)), Occur.SHOULD));
                wordCoverage.add(anyField.build(), Occur.SHOULD);
            }
            wordsCovered = wordCoverage.setMinimumNumberShouldMatch(Ranking.requiredWords(textWords.size(),
                    reading.relaxation())).build();
        }
        QueryBuilder builder = new QueryBuilder(analyzer);
        if (!rich) {
            // The first stage: the required bigrams anywhere both decide the match and score it, in one
            // pass over their postings (a filter of them beside a scoring query of the same bigrams read
            // each posting list twice); a match by its words alone scores a little, never 0, which
            // would read as "found only by meaning"; the title's bigrams add (they decide most rankings).
            var matched = new BooleanQuery.Builder().add(new BoostQuery(bigramsCovered, factor), Occur.SHOULD);
            if (wordsCovered != null) {
                matched.add(new BoostQuery(new ConstantScoreQuery(wordsCovered), factor * FIRST_STAGE_WORDS_ONLY),
                        Occur.SHOULD);
            }
            var branch = new BooleanQuery.Builder().add(matched.build(), Occur.MUST);
            Query inTitle = builder.createBooleanQuery("title" + Analyzers.BIGRAMS, text, Occur.SHOULD);
            if (inTitle != null) {
                branch.add(new BoostQuery(inTitle, factor * Ranking.FIRST_STAGE_TITLE_BOOST), Occur.SHOULD);
            }
            return branch.build();
        }
        var branch = new BooleanQuery.Builder();
        if (covered) {
            var coverageTest = new BooleanQuery.Builder().add(bigramsCovered, Occur.SHOULD);
            if (wordsCovered != null) {
                coverageTest.add(wordsCovered, Occur.SHOULD);
            }
            branch.add(new ConstantScoreQuery(coverageTest.build()), Occur.FILTER);
        }
        List<Query> clauses = new ArrayList<>();
        WEIGHTS.forEach((field, weight) -> {
            String bi = field + Analyzers.BIGRAMS;
            float w = weight * factor;
            if (scoredGrams > 1) {
                Query phrase = builder.createPhraseQuery(bi, text);
                if (phrase != null) {
                    clauses.add(new BoostQuery(phrase, w * Ranking.PHRASE_FACTOR));
                }
            }
            Query scattered = builder.createBooleanQuery(bi, text, Occur.SHOULD);
            if (scattered != null) {
                clauses.add(new BoostQuery(scattered, w));
            }
            Query words = builder.createBooleanQuery(field, text, Occur.SHOULD);
            if (words != null) {
                clauses.add(new BoostQuery(words, w * Ranking.WORDS_FACTOR));
            }
        });
        // The best field decides, the others add a little: a title match outranks a word repeated in long texts.
        branch.add(new DisjunctionMaxQuery(clauses, Ranking.TIE_BREAKER), Occur.SHOULD);
        return branch.build();
    }

    @Override
    public List<VectorHit> nearest(IndexQuery filters, float[] vector, int k, float minSimilarity) {
        return withSearcher(searcher -> {
            List<VectorHit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : nearestDocs(searcher, filters, vector, k, minSimilarity)) {
                hits.add(new VectorHit(Long.parseLong(stored.document(sd.doc, Set.of(ID)).get(ID)), sd.score));
            }
            return hits;
        });
    }

    /** The nearest documents in the query's statuses and filters, best first, each scored by its cosine. */
    private static List<ScoreDoc> nearestDocs(IndexSearcher searcher, IndexQuery filters, float[] vector, int k,
                                              float minSimilarity) throws IOException {
        var filter = new BooleanQuery.Builder().add(terms(STATUS, filters.statuses()), Occur.FILTER);
        // Searching public statuses only (the usual search), the visibility rule excludes nothing more;
        // left out, the filter is one posting list, turned into the accepted documents' bit set at once,
        // instead of a disjunction over owners and departments visited document by document.
        if (!Viewer.PUBLIC_STATUSES.containsAll(filters.statuses())) {
            filter.add(visibility(filters.viewer()), Occur.FILTER);
        }
        facetFilters(filter, filters);
        TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, Math.max(1, k), filter.build()),
                Math.max(1, k));
        List<ScoreDoc> docs = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            // Lucene scores a cosine c as (1 + c) / 2
            float cosine = 2 * sd.score - 1;
            if (cosine >= minSimilarity) {
                docs.add(new ScoreDoc(sd.doc, cosine));
            }
        }
        return docs;
    }

    /** The visibility rule and the filters the user chose (package-private for the benchmark's baseline). */
    static void filters(BooleanQuery.Builder query, IndexQuery chosen) {
        query.add(visibility(chosen.viewer()), Occur.FILTER);
        facetFilters(query, chosen);
    }

    /** The filters a user chose among the facets, and 已被采用. */
    private static void facetFilters(BooleanQuery.Builder query, IndexQuery chosen) {
        String category = chosen.category();
        Long departmentId = chosen.departmentId();
        String tag = chosen.tag();
        Integer year = chosen.year();
        if (chosen.adopted()) {
            query.add(new TermQuery(new Term(ADOPTED, "1")), Occur.FILTER);
        }
        if (category != null) {
            query.add(new TermQuery(new Term(CATEGORY, category)), Occur.FILTER);
        }
        if (departmentId != null) {
            query.add(new TermQuery(new Term(DEPARTMENT, String.valueOf(departmentId))), Occur.FILTER);
        }
        if (tag != null) {
            query.add(new TermQuery(new Term(TAG, tag)), Occur.FILTER);
        }
        if (year != null) {
            query.add(new TermQuery(new Term(YEAR, String.valueOf(year))), Occur.FILTER);
        }
    }

    /** The visibility rule of the method module, as a filter: nothing invisible is returned or counted. */
    static Query visibility(Viewer viewer) {
        if (viewer.admin()) {
            return new MatchAllDocsQuery();
        }
        var visible = new BooleanQuery.Builder()
                .add(terms(STATUS, Viewer.PUBLIC_STATUSES), Occur.SHOULD)
                .add(new TermQuery(new Term(OWNER, String.valueOf(viewer.userId()))), Occur.SHOULD);
        if (!viewer.reviewerDepartmentIds().isEmpty()) {
            visible.add(terms(DEPARTMENT, viewer.reviewerDepartmentIds().stream().map(String::valueOf).toList()),
                    Occur.SHOULD);
        }
        return visible.setMinimumNumberShouldMatch(1).build();
    }

    private static Query terms(String field, Collection<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] page, @Nullable Query highlightQuery)
            throws IOException {
        int[] docIds = Stream.of(page).mapToInt(d -> d.doc).toArray();
        Map<String, Object[]> highlights = highlightQuery == null || docIds.length == 0 ? Map.of()
                : new Highlighter(searcher, analyzer).highlight(highlightQuery, docIds);
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = stored.document(page[i].doc);
            Map<String, List<String>> fragments = new LinkedHashMap<>();
            for (var entry : highlights.entrySet()) {
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) entry.getValue()[i];
                if (list != null && !list.isEmpty()) {
                    fragments.put(entry.getKey().substring(0, entry.getKey().length() - Analyzers.BIGRAMS.length()),
                            list);
                }
            }
            hits.add(hit(doc, Float.isNaN(page[i].score) ? 0f : page[i].score, fragments));
        }
        return hits;
    }

    private static SearchHit hit(Document doc, float score, Map<String, List<String>> highlights) {
        return new SearchHit(Long.parseLong(doc.get(ID)), doc.get(EXTERNAL_ID), doc.get("title" + Analyzers.BIGRAMS),
                Category.valueOf(doc.get(CATEGORY)), Long.parseLong(doc.get(DEPARTMENT)), doc.get(DEPARTMENT_NAME),
                MethodStatus.valueOf(doc.get(STATUS)), score, highlights);
    }

    @Override
    public List<SearchHit> suggestTitles(String text, String pinyinKey, Viewer viewer, int limit) {
        String key = IndexDocument.titleKey(text);
        if (key.isEmpty()) {
            return List.of();
        }
        var match = new BooleanQuery.Builder()
                .add(new BoostQuery(new PrefixQuery(new Term(TITLE_KEY, key)), 4f), Occur.SHOULD);
        if (!pinyinKey.isEmpty()) {
            match.add(new BoostQuery(new PrefixQuery(new Term(PINYIN_KEY, pinyinKey)), 2f), Occur.SHOULD);
            match.add(new PrefixQuery(new Term(INITIALS_KEY, pinyinKey)), Occur.SHOULD);
        }
        if (tokens(bigrams, text).size() > 0) {
            Query contains = new QueryBuilder(analyzer).createPhraseQuery("title" + Analyzers.BIGRAMS, text);
            if (contains != null) {
                match.add(new ConstantScoreQuery(contains), Occur.SHOULD);
            }
        }
        Query query = new BooleanQuery.Builder().add(match.setMinimumNumberShouldMatch(1).build(), Occur.MUST)
                .add(new TermQuery(new Term(STATUS, MethodStatus.PUBLISHED.name())), Occur.FILTER)
                .add(visibility(viewer), Occur.FILTER).build();
        return withSearcher(searcher -> hits(searcher, searcher.search(query, limit).scoreDocs, null));
    }

    @Override
    public List<SearchHit> similar(long methodId, Viewer viewer, int limit) {
        return withSearcher(searcher -> {
            TopDocs self = searcher.search(new TermQuery(new Term(ID, String.valueOf(methodId))), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            Document doc = searcher.storedFields().document(self.scoreDocs[0].doc);
            var mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzer);
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMinWordLen(2);
            mlt.setMaxQueryTerms(25);
            var like = new BooleanQuery.Builder();
            for (String field : SIMILAR_FIELDS) {
                String value = String.join("\n", doc.getValues(field + Analyzers.BIGRAMS));
                if (!value.isBlank()) {
                    mlt.setFieldNames(new String[] {field});
                    like.add(new BoostQuery(mlt.like(field, new StringReader(value)), WEIGHTS.get(field)), Occur.SHOULD);
                }
            }
            Query query = new BooleanQuery.Builder().add(like.build(), Occur.MUST)
                    .add(new TermQuery(new Term(ID, String.valueOf(methodId))), Occur.MUST_NOT)
                    .add(new TermQuery(new Term(STATUS, MethodStatus.PUBLISHED.name())), Occur.FILTER)
                    .add(visibility(viewer), Occur.FILTER).build();
            return hits(searcher, searcher.search(query, limit).scoreDocs, null);
        });
    }

    @Override
    public List<SearchHit> similarToText(Map<String, String> fields, Set<Long> excluded, Viewer viewer, int limit) {
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            long maxDocFreq = DraftSimilarity.maxDocFreq(reader.numDocs());
            var like = new BooleanQuery.Builder();
            boolean any = false;
            for (var entry : fields.entrySet()) {
                String field = entry.getKey();
                if (entry.getValue().isBlank() || !WEIGHTS.containsKey(field)) {
                    continue;
                }
                var words = new BooleanQuery.Builder();
                int telling = 0;
                for (String word : draftWords(field, entry.getValue())) {
                    Term term = new Term(field, word);
                    if (reader.docFreq(term) <= maxDocFreq) {
                        words.add(new TermQuery(term), Occur.SHOULD);
                        telling++;
                    }
                }
                if (telling > 0) {
                    words.setMinimumNumberShouldMatch(DraftSimilarity.wordsToShare(telling));
                    like.add(new BoostQuery(words.build(), WEIGHTS.get(field)), Occur.SHOULD);
                    any = true;
                }
            }
            if (!any) {
                return List.of();
            }
            var query = new BooleanQuery.Builder().add(like.build(), Occur.MUST)
                    .add(new TermQuery(new Term(STATUS, MethodStatus.PUBLISHED.name())), Occur.FILTER)
                    .add(visibility(viewer), Occur.FILTER);
            excluded.forEach(id -> query.add(new TermQuery(new Term(ID, String.valueOf(id))), Occur.MUST_NOT));
            return hits(searcher, searcher.search(query.build(), limit).scoreDocs, null);
        });
    }

    @Override
    public List<SearchHit> published(List<Long> ids, Viewer viewer) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Query query = new BooleanQuery.Builder()
                .add(terms(ID, ids.stream().map(String::valueOf).toList()), Occur.FILTER)
                .add(new TermQuery(new Term(STATUS, MethodStatus.PUBLISHED.name())), Occur.FILTER)
                .add(visibility(viewer), Occur.FILTER).build();
        return withSearcher(searcher -> SearchIndex.inOrder(ids, hits(searcher, searcher.search(query, ids.size()).scoreDocs, null)));
    }

    @Override
    public Map<String, Long> documentFrequencies(Collection<String> words) {
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            Map<String, Long> frequencies = new LinkedHashMap<>();
            for (String word : words) {
                long most = 0;
                for (String field : WEIGHTS.keySet()) {
                    most = Math.max(most, reader.docFreq(new Term(field, word)));
                }
                frequencies.put(word, most);
            }
            return frequencies;
        });
    }

    /** The distinct words of a draft's text as the field indexes them. */
    private Set<String> draftWords(String field, String text) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() >= DraftSimilarity.MIN_WORD_LENGTH) {
                    words.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    @Override
    public long count() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    // ---- rebuilding

    @Override
    public Rebuild startRebuild() {
        synchronized (writeLock) {
            if (rebuild != null) {
                throw new IllegalStateException("a rebuild of the search index is already running");
            }
            try {
                Path dir = newGenerationDirectory();
                rebuild = new LuceneRebuild(open(dir, rebuildBufferMb));
                return rebuild;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A new generation being filled. Pages from the database are added by several threads at once
     * without the write lock (the writer is thread-safe; analysis is the cost) and committed once at
     * the end. Writes through apply() meanwhile are newer than what was read from the database: they
     * go to the new generation too and are replayed last, so they win whatever the interleaving.
     */
    private final class LuceneRebuild implements Rebuild {

        private final Generation next;
        /** Guarded by writeLock. */
        private final RebuildWrites written = new RebuildWrites();
        private boolean done;

        LuceneRebuild(Generation next) {
            this.next = next;
        }

        void applied(List<IndexDocument> upserts, Collection<Long> deletes) {
            writeUncommitted(next.writer, upserts, deletes);
            written.record(upserts, deletes);
        }

        @Override
        public void add(List<IndexDocument> documents) {
            List<IndexDocument> older;
            synchronized (writeLock) {
                older = written.older(documents);
            }
            try {
                for (IndexDocument d : older) {
                    // a plain add: the generation is new, and a concurrent apply() of the same id is replayed at the end
                    next.writer.addDocument(document(d));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void complete() {
            try {
                // One segment before it serves: a search does part of its work once per segment (looking
                // up each term, setting up the scorers of the first stage and of the rich query that
                // rescores its best hits), and at 100,000 methods a rebuild left five segments, which
                // cost about a fifth more CPU per search than one (docs/benchmarks.md). Outside the
                // lock: changes arriving meanwhile go on into the generation and land in segments of
                // their own.
                long start = System.nanoTime();
                next.writer.forceMerge(1);
                log.info("search index rebuild merged into one segment in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            synchronized (writeLock) {
                try {
                    write(next.writer, written.upserts(), written.deletes());
                    next.refresh();
                    point(next.path);
                    Generation old = current;
                    current = next;
                    combinedFields = true;
                    done = true;
                    rebuild = null;
                    if (old != null) {
                        old.close();
                        delete(old.path);
                    }
                    log.info("search index rebuilt in {} with {} documents", next.path, count());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void close() {
            synchronized (writeLock) {
                if (!done) {
                    rebuild = null;
                    next.close();
                    delete(next.path);
                }
            }
        }
    }

    // ---- plumbing

    @Override
    public void close() {
        synchronized (writeLock) {
            if (rebuild != null) {
                rebuild.close();
            }
            Generation generation = current;
            if (generation != null) {
                generation.close();
            }
        }
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /**
     * Runs a search on the serving generation. An index whose directory is gone would still answer
     * from the files the process holds open, silently stale forever; it is reported as damaged instead.
     */
    private <T> T withSearcher(SearcherWork<T> work) {
        Generation generation = serving();
        try {
            if (!Files.isDirectory(generation.path)) {
                throw new IndexDamagedException("the search index directory " + generation.path + " is gone");
            }
            IndexSearcher searcher = generation.searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                generation.searchers.release(searcher);
            }
        } catch (IOException | RuntimeException e) {
            throw classify(e, generation);
        }
    }

    private Generation open(Path dir) throws IOException {
        return open(dir, IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB);
    }

    private Generation open(Path dir, double bufferMb) throws IOException {
        Directory directory = FSDirectory.open(dir);
        var config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(bufferMb);
        IndexWriter writer = new IndexWriter(directory, config);
        return new Generation(dir, directory, writer, new SearcherManager(writer, null));
    }

    /** Generations left by a rebuild that did not complete (the process stopped) are of no use. */
    private void removeOtherGenerations(String serving) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().startsWith("index-") && !d.getFileName().toString().equals(serving))
                    .forEach(LuceneSearchIndex::delete);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete old search index {}: {}", dir, e.toString());
        }
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static FieldType bigramType() {
        var type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static FieldType combinedType() {
        var type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    /** One index directory with its writer and near-real-time searchers. */
    private record Generation(Path path, Directory directory, IndexWriter writer, SearcherManager searchers) {

        void refresh() {
            try {
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            // A damaged generation may fail on each step; whatever can be released is.
            try {
                searchers.close();
            } catch (IOException | RuntimeException e) {
                log.warn("closing the searchers of search index {} failed: {}", path, e.toString());
            }
            try {
                writer.close();
            } catch (IOException | RuntimeException e) {
                log.warn("closing the writer of search index {} failed: {}", path, e.toString());
                try {
                    writer.rollback();
                } catch (IOException | RuntimeException ignored) {
                    // the writer is gone either way; its lock is released with the directory below
                }
            }
            try {
                directory.close();
            } catch (IOException | RuntimeException e) {
                log.warn("closing search index {} failed: {}", path, e.toString());
            }
        }
    }

    /**
     * Orders the first stage's best hits by the rich per-field query alone; the cheap score only
     * breaks its ties (and keeps a hit the rich query does not match at the end, in its order).
     */
    private static final class RichRescorer extends QueryRescorer {

        RichRescorer(Query rich) {
            super(rich);
        }

        @Override
        protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
            if (firstPassScore == 0) {
                // joined by the semantic leg, not matched by the text: stays unscored by words
                return 0;
            }
            return (secondPassMatches ? secondPassScore : 0) + firstPassScore * Ranking.FIRST_STAGE_SHARE;
        }
    }

    /** Fragments per field: whole title, up to two sentence-sized passages elsewhere. */
    static final class Highlighter extends UnifiedHighlighter {

        private static final String[] FIELDS = WEIGHTS.keySet().stream().map(f -> f + Analyzers.BIGRAMS)
                .toArray(String[]::new);

        Highlighter(IndexSearcher searcher, Analyzer analyzer) {
            super(UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new MarkedFragments())
                    .withMaxNoHighlightPassages(0).withMaxLength(20_000)
                    // Strict phrases check each phrase's positions per document and field with span
                    // queries, which cost most of a search; the hits matched most of the bigrams
                    // anyway, and marking each bigram (adjacent marks merge) shows the same words.
                    .withHighlightPhrasesStrictly(false));
        }

        Map<String, Object[]> highlight(Query query, int[] docIds) throws IOException {
            int[] passages = new int[FIELDS.length];
            for (int i = 0; i < FIELDS.length; i++) {
                passages[i] = FIELDS[i].startsWith("title") ? 1 : FRAGMENTS;
            }
            return highlightFieldsAsObjects(FIELDS, query, docIds, passages);
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            if (field.startsWith("title")) {
                return new org.apache.lucene.search.uhighlight.WholeBreakIterator();
            }
            return org.apache.lucene.search.uhighlight.LengthGoalBreakIterator.createClosestToLength(
                    BreakIterator.getSentenceInstance(Locale.CHINA), FRAGMENT_LENGTH, 0.5f);
        }
    }

    static FacetCount facet(String field, String value, long count) {
        if (DEPARTMENT.equals(field)) {
            int sep = value.indexOf(LABEL_SEPARATOR);
            return new FacetCount(value.substring(0, sep), value.substring(sep + 1), count);
        }
        return new FacetCount(value, value, count);
    }
}
