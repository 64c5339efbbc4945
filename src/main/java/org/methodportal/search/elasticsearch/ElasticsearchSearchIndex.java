package org.methodportal.search.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.search.FacetCount;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchResult;
import org.methodportal.search.SearchSort;
import org.methodportal.search.engine.DraftSimilarity;
import org.methodportal.search.engine.HybridRanking;
import org.methodportal.search.engine.IndexDamage;
import org.methodportal.search.engine.IndexDamagedException;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.engine.IndexQuery;
import org.methodportal.search.engine.QueryText;
import org.methodportal.search.engine.Ranking;
import org.methodportal.search.engine.RebuildWrites;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.engine.Snippets;
import org.methodportal.search.engine.VectorHit;
import org.methodportal.search.engine.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.BoundaryScanner;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import co.elastic.clients.util.NamedValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search engine for several portal instances: an Elasticsearch cluster with the official
 * analysis-smartcn plugin. Searches and writes go through an alias ({@code index}) in front of one
 * index {@code <index>-<millis>}; a rebuild fills a new index and then moves the alias in one
 * step. The mapping ({@code search/elasticsearch-index.json}) mirrors the embedded index: every
 * text field as smartcn words and, in {@code <field>.bi}, as CJK bigrams, and all of them once more
 * in the combined field {@code all} (and {@code all.bi}) through {@code copy_to}; the queries mirror
 * it too: a cheap first stage on the combined fields, then the rich per-field query rescores its
 * best hits.
 * An index or alias deleted behind the portal's back is reported as damaged (writes require the
 * alias, so they never auto-create a bare index in its place); the indexer then rebuilds it from
 * the database, and the rebuild puts the alias back.
 */
public final class ElasticsearchSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSearchIndex.class);

    static final String MAPPING = "/search/elasticsearch-index.json";
    private static final String BIGRAMS = ".bi";
    private static final char LABEL_SEPARATOR = '\u001f';
    /** Marks around highlighted matches before escaping; the text between is escaped afterwards. */
    private static final String MARK_START = "\u0001";
    private static final String MARK_END = "\u0002";
    private static final int FRAGMENTS = 2;
    private static final int FRAGMENT_LENGTH = 90;
    /** Facet values shown per facet; tags can be many. */
    static final int MAX_VALUES = 30;
    /** Facet values asked for when all are wanted: years, and the parts of a sampled facet that are summed. */
    private static final int MERGED_VALUES = 1000;
    /** Names of the aggregations of a sampled facet count ({@link #facetAggregations}). */
    private static final String SAMPLE = "sample";
    private static final String LEXICAL = "lexical";
    private static final String NEAR = "near";
    private static final String[] SIMILAR_FIELDS = {"title", "problem", "measures"};
    private static final String INDEX_NOT_FOUND = "index_not_found_exception";
    /** The embedding of a method (dense_vector, HNSW, cosine). */
    private static final String VECTOR = "vector";
    /** Branches using the method now (推广采用): "most adopted first" and the 已被采用 filter. */
    private static final String ADOPTIONS = "adoptions";
    /** Fields mapped after the first indexes were created: added to an older live index at start. */
    private static final List<String> LATE_FIELDS = List.of(VECTOR, ADOPTIONS);
    /** Candidates the HNSW search visits per shard: a few times k, for the same neighbours as Lucene's exact-enough search. */
    private static final int NUM_CANDIDATES = 200;
    /**
     * Every text field once more in one field, as words ({@code all}) and as bigrams
     * ({@code all.bi}), without positions: the first stage of a search matches and scores on these
     * two fields only, and the rich per-field query rescores its best {@link Ranking#RESCORED} hits.
     */
    static final String ALL = "all";
    /** How long "no combined fields" is believed: another instance sharing the cluster may rebuild the index meanwhile. */
    private static final long RECHECK_MILLIS = 60_000;

    private final ElasticsearchClient client;
    private final String alias;
    /** Hits the facets are counted over at most ({@link SearchIndex#FACET_SAMPLE}). */
    private final int facetSample;
    private final List<String> textFields = List.copyOf(IndexDocument.WEIGHTS.keySet());
    private final List<String> bigramFields = textFields.stream().map(f -> f + BIGRAMS).toList();
    private final Object writeLock = new Object();
    private @Nullable EsRebuild rebuild;
    /**
     * Whether the index behind the alias maps the combined fields ({@link #ALL}); null until the
     * cluster has been asked. An index created before they existed is searched field by field
     * until a rebuild replaces it (a copy_to cannot be added to a mapped field in place).
     */
    private volatile @Nullable Boolean combinedFields;
    private volatile long combinedFieldsAsked;

    /**
     * Uses the alias {@code alias}, creating it with a first empty index when the cluster has none
     * (the indexer then fills it, as it fills any index empty at start). A cluster that cannot be
     * reached at start does not stop the portal (search reports "unavailable" and the outbox
     * waits); if the alias is still missing once it is reached, the first search or write reports
     * the index as damaged and the indexer rebuilds it, alias included.
     */
    public ElasticsearchSearchIndex(ElasticsearchClient client, String alias) {
        this(client, alias, FACET_SAMPLE);
    }

    /** The index behind {@code alias}, counting the facets of a search over at most its {@code facetSample} best hits. */
    public ElasticsearchSearchIndex(ElasticsearchClient client, String alias, int facetSample) {
        if (facetSample < 1) {
            throw new IllegalArgumentException("the facets need a sample of at least one hit, not " + facetSample);
        }
        this.client = client;
        this.alias = alias;
        this.facetSample = facetSample;
        try {
            call(() -> {
                if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
                    String first = createIndex();
                    client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(first).alias(alias))));
                    combinedFields = true;
                    log.info("created search index {} behind alias {}", first, alias);
                } else {
                    addLateFields();
                    combinedFields();
                }
                return null;
            });
            removeStaleIndexes();
        } catch (RuntimeException e) {
            log.warn("search index {} not checked at start: {}", alias, e.toString());
        }
    }

    @Override
    public void check() {
        if (!call(() -> client.indices().existsAlias(e -> e.name(alias)).value())) {
            throw new IndexDamagedException("the search alias " + alias + " is gone (deleted behind the portal's back)");
        }
    }

    /** A missing alias at start is simply created (empty): the indexer rebuilds an empty index anyway. */
    @Override
    public @Nullable IndexDamage damageAtOpen() {
        return null;
    }

    /**
     * Leaves the alias missing until the rebuild that follows moves it onto the new index. An empty
     * index behind the alias meanwhile would give other instances sharing the cluster wrong, empty
     * answers; without the alias every instance finds the index damaged and answers "rebuilding",
     * and writes wait in the shared outbox. An index left without its alias is kept until a rebuild
     * has completed (then {@link #removeStaleIndexes()} removes the older ones).
     */
    @Override
    public @Nullable String setAside() {
        return null;
    }

    @Override
    public String engineName() {
        return "Elasticsearch " + alias;
    }

    /** An index mapped without the combined fields; false while the cluster cannot tell (it is asked again later). */
    @Override
    public boolean outdated() {
        try {
            return !combinedFields();
        } catch (RuntimeException e) {
            log.warn("could not ask whether search index {} is outdated: {}", alias, e.toString());
            return false;
        }
    }

    private boolean combinedFields() {
        Boolean known = combinedFields;
        if (known != null && (known || System.currentTimeMillis() - combinedFieldsAsked < RECHECK_MILLIS)) {
            return known;
        }
        boolean has = call(this::hasCombinedFields);
        combinedFieldsAsked = System.currentTimeMillis();
        combinedFields = has;
        return has;
    }

    /** Whether every index behind the alias maps the combined fields. */
    private boolean hasCombinedFields() throws IOException {
        var mappings = client.indices().getMapping(g -> g.index(alias)).mappings();
        return !mappings.isEmpty() && mappings.values().stream()
                .allMatch(m -> m.mappings() != null && m.mappings().properties().containsKey(ALL));
    }

    // ---- writing

    @Override
    public void apply(List<IndexDocument> upserts, Collection<Long> deletes) {
        synchronized (writeLock) {
            bulk(alias, upserts, deletes, true);
            if (rebuild != null) {
                rebuild.applied(upserts, deletes);
            }
        }
    }

    private void bulk(String target, List<IndexDocument> upserts, Collection<Long> deletes, boolean refresh) {
        if (upserts.isEmpty() && deletes.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = new ArrayList<>(upserts.size() + deletes.size());
        upserts.forEach(d -> operations.add(BulkOperation.of(o -> o.index(i -> i.id(String.valueOf(d.id()))
                .document(source(d))))));
        deletes.forEach(id -> operations.add(BulkOperation.of(o -> o.delete(x -> x.id(String.valueOf(id))))));
        // Through the alias the write must find the alias: a deleted one would otherwise be
        // auto-created as a bare index with guessed mappings, hiding the loss for good.
        BulkResponse response = call(() -> client.bulk(b -> b.index(target).operations(operations)
                .requireAlias(target.equals(alias)).refresh(refresh ? Refresh.True : Refresh.False)));
        var failed = response.items().stream().filter(i -> i.error() != null
                && !(i.status() == 404 && "delete".equals(i.operationType().jsonValue()))).toList();
        if (!failed.isEmpty()) {
            ErrorCause first = failed.getFirst().error();
            String message = "indexing into " + target + " failed for " + failed.size() + " documents, first: "
                    + first.reason();
            if (INDEX_NOT_FOUND.equals(first.type())) {
                throw new IndexDamagedException(message);
            }
            throw new IllegalStateException(message);
        }
    }

    private static Map<String, Object> source(IndexDocument d) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("id", String.valueOf(d.id()));
        put(doc, "externalId", d.externalId());
        doc.put("status", d.status());
        doc.put("owner", String.valueOf(d.ownerId()));
        doc.put("department", String.valueOf(d.departmentId()));
        doc.put("departmentFacet", d.departmentId() + "" + LABEL_SEPARATOR + d.departmentName());
        doc.put("departmentName", d.departmentName());
        doc.put("category", d.category());
        doc.put("tag", d.tags());
        doc.put("year", String.valueOf(d.year()));
        doc.put("created", d.createdAt().toEpochMilli());
        doc.put(ADOPTIONS, d.adoptions());
        doc.put("title", d.title());
        doc.put("tags", d.tags());
        put(doc, "summary", d.summary());
        doc.put("problem", d.problem());
        put(doc, "concept", d.concept());
        doc.put("measures", d.measures());
        doc.put("steps", d.steps());
        put(doc, "outcomes", d.outcomes());
        put(doc, "applicability", d.applicability());
        put(doc, "body", d.body());
        put(doc, "rawPractice", d.rawPractice());
        doc.put("pinyin", d.pinyin());
        doc.put("initials", d.initials());
        doc.put("titleKey", IndexDocument.titleKey(d.title()));
        if (!d.pinyin().isEmpty()) {
            doc.put("pinyinKey", d.pinyin().getFirst().replace(" ", ""));
            doc.put("initialsKey", d.initials().getFirst().replace(" ", ""));
        }
        float[] vector = d.vector();
        if (vector != null) {
            doc.put(VECTOR, vector);
        }
        return doc;
    }

    private static void put(Map<String, Object> doc, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            doc.put(field, value);
        }
    }

    // ---- searching

    @Override
    public SearchResult search(IndexQuery query) {
        boolean staged = combinedFields();
        Query main = textQuery(query, !staged, staged);
        // the rich query names the terms of each field, so it also marks the page's fragments
        @Nullable Query rich = query.matchesAll() ? null : staged ? textQuery(query, true, true) : main;
        @Nullable Query rescore = staged && !query.byField() ? rich : null;
        float[] vector = query.vector();
        List<VectorHit> close = vector == null || query.matchesAll() ? List.of()
                : HybridRanking.close(nearest(query, vector, HybridRanking.NEAREST, HybridRanking.MIN_SIMILARITY));
        if (close.isEmpty()) {
            return fetched(query, request(query, main, rich, rescore, query.offset(), query.limit(), true, List.of()));
        }
        // The nearest methods join the matches of the text, so they are counted in the total and
        // the facets like any match; a zero score keeps the text's own ranking of its matches.
        List<String> ids = close.stream().map(h -> String.valueOf(h.id())).toList();
        Query matched = Query.of(q -> q.bool(b -> b.should(main)
                .should(s -> s.constantScore(c -> c.filter(f -> f.ids(i -> i.values(ids))).boost(0f)))
                .minimumShouldMatch("1")));
        if (query.byField()) {
            return fetched(query, request(query, matched, rich, rescore, query.offset(), query.limit(), true, ids));
        }
        // The text's ranking of the first matches (ids only), fused with the semantic ranking;
        // then only the page is fetched and highlighted.
        SearchResponse<Map> ranked = request(query, matched, rich, rescore, 0,
                Math.max(HybridRanking.WINDOW, query.offset() + query.limit()), false, ids);
        List<Long> lexical = new ArrayList<>();
        for (Hit<Map> hit : ranked.hits().hits()) {
            // a method found only by the semantic leg scores 0 here
            if (hit.score() != null && hit.score() > 0) {
                lexical.add(Long.parseLong(hit.id()));
            }
        }
        List<HybridRanking.Fused> order = HybridRanking.order(lexical, close);
        List<HybridRanking.Fused> page = order.subList(Math.min(query.offset(), order.size()),
                Math.min(query.offset() + query.limit(), order.size()));
        List<SearchHit> hits = new ArrayList<>();
        if (!page.isEmpty()) {
            List<String> pageIds = page.stream().map(f -> String.valueOf(f.id())).toList();
            SearchResponse<Map> fetched = call(() -> client.search(s -> s.index(alias)
                    .query(q -> q.ids(i -> i.values(pageIds))).size(pageIds.size()).highlight(highlight(rich)),
                    Map.class));
            Map<Long, SearchHit> byId = new HashMap<>();
            hits(fetched).forEach(h -> byId.put(h.id(), h));
            for (HybridRanking.Fused f : page) {
                SearchHit hit = byId.get(f.id());
                if (hit != null) {
                    hits.add(new SearchHit(hit.id(), hit.externalId(), hit.title(), hit.category(), hit.departmentId(),
                            hit.department(), hit.status(), (float) f.score(), hit.highlights()));
                }
            }
        }
        return result(query, ranked, hits);
    }

    /** The matches of the first stage in the statuses searched, counted without ranking or facets. */
    @Override
    public long countMatches(IndexQuery query, long atMost) {
        boolean staged = combinedFields();
        Query text = textQuery(query, !staged, staged);
        Query counted = Query.of(q -> q.bool(b -> {
            b.must(text).filter(terms("status", query.statuses()));
            filters(b, query);
            return b;
        }));
        // terminate_after stops each shard once it has counted that many
        long count = call(() -> client.count(c -> {
            c.index(alias).query(counted);
            return atMost == Long.MAX_VALUE ? c : c.terminateAfter(atMost);
        })).count();
        return Math.min(atMost, count);
    }

    /**
     * One search request: the matches of {@code matched} within the viewer's filters, facets over
     * them ({@link #facetAggregations}; {@code near}: the ids the semantic leg added), the hits from
     * {@code from} in the statuses searched, with their source and highlights (by the rich text
     * query) or ids only. With a {@code rescore} query, the best {@link Ranking#RESCORED} hits (or
     * down to the page's end, when further) are scored again by it and ordered by that score, the
     * first stage's only breaking ties (as Lucene's rescorer).
     */
    @SuppressWarnings("rawtypes")
    private SearchResponse<Map> request(IndexQuery query, Query matched, @Nullable Query rich,
                                        @Nullable Query rescore, int from, int size, boolean fetch,
                                        List<String> near) {
        Query withoutStatus = Query.of(q -> q.bool(b -> {
            b.must(matched);
            filters(b, query);
            return b;
        }));
        Query statuses = terms("status", query.statuses());
        SearchRequest request = SearchRequest.of(s -> {
            s.index(alias).query(withoutStatus).postFilter(statuses).from(from).size(size)
                    .trackTotalHits(t -> t.enabled(true)).trackScores(true)
                    .aggregations(facetAggregations(query, statuses, near));
            if (query.order() == SearchSort.MOST_ADOPTED) {
                // documents indexed before the field existed count as used by none
                s.sort(o -> o.field(f -> f.field(ADOPTIONS).order(SortOrder.Desc).missing(FieldValue.of(0))));
            }
            if (query.byField()) {
                s.sort(o -> o.field(f -> f.field("created").order(SortOrder.Desc)))
                        .sort(o -> o.score(x -> x.order(SortOrder.Desc)));
            }
            if (rescore != null) {
                s.rescore(r -> r.windowSize(Math.max(Ranking.RESCORED, from + size)).query(q -> q.query(rescore)
                        .queryWeight((double) Ranking.FIRST_STAGE_SHARE).rescoreQueryWeight(1.0)));
            }
            if (!fetch) {
                s.source(c -> c.fetch(false));
            } else if (rich != null) {
                s.highlight(highlight(rich));
            }
            return s;
        });
        return call(() -> client.search(request, Map.class));
    }

    @SuppressWarnings("rawtypes")
    private static SearchResult fetched(IndexQuery query, SearchResponse<Map> response) {
        return result(query, response, hits(response));
    }

    /** The total and the facets of the response, with these hits. */
    @SuppressWarnings("rawtypes")
    private static SearchResult result(IndexQuery query, SearchResponse<Map> response, List<SearchHit> hits) {
        Map<String, List<FacetCount>> counts = new HashMap<>();
        counts.put("status", facetCounts("status", response.aggregations().get("status")));
        long counted = searchedFacets(response.aggregations().get("searched").filter().aggregations(), counts);
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        return new SearchResult(total, hits, counts, query.offset() / query.limit(), query.limit(),
                counted >= 0 && counted < total);
    }

    /**
     * The facets of a search: the status over every match (its status is read anyway to keep the
     * statuses searched), the others over the matches in the statuses searched. With a text these
     * are counted over a sample ({@link SearchIndex#FACET_SAMPLE}): a {@code sampler} keeps the
     * best {@code facetSample} hits by score of each shard (the index has one), whatever the order
     * of the page, and the {@code near} ids of the semantic leg count wherever they rank (they
     * score nothing in the text query, yet the fusion shows them among the first); a search
     * matching no more than the sample is counted exactly so. Without a text (browsing) no hit
     * ranks above another, so every match counts.
     */
    private Map<String, Aggregation> facetAggregations(IndexQuery query, Query statuses, List<String> near) {
        Map<String, Aggregation> searched = new HashMap<>();
        if (query.matchesAll()) {
            searched.putAll(searchedFacetAggregations(MAX_VALUES));
        } else if (near.isEmpty()) {
            searched.put(SAMPLE, Aggregation.of(a -> a.sampler(s -> s.shardSize(facetSample))
                    .aggregations(searchedFacetAggregations(MAX_VALUES))));
        } else {
            // Two parts summed value by value: enough values of each that the sum ranks them as one count would.
            Map<String, Aggregation> facets = searchedFacetAggregations(MERGED_VALUES);
            Query nearIds = Query.of(q -> q.ids(i -> i.values(near)));
            searched.put(SAMPLE, Aggregation.of(a -> a.sampler(s -> s.shardSize(facetSample))
                    .aggregations(LEXICAL, l -> l.filter(f -> f.bool(b -> b.mustNot(nearIds))).aggregations(facets))));
            searched.put(NEAR, Aggregation.of(a -> a.filter(nearIds).aggregations(facets)));
        }
        return Map.of("status", facetAggregation("status", MAX_VALUES),
                "searched", Aggregation.of(a -> a.filter(statuses).aggregations(searched)));
    }

    private static Map<String, Aggregation> searchedFacetAggregations(int size) {
        Map<String, Aggregation> facets = new HashMap<>();
        for (String facet : SearchResult.FACETS) {
            if (!facet.equals("status")) {
                facets.put(facet, facetAggregation(facet, size));
            }
        }
        return facets;
    }

    /**
     * Adds the facets but the status of {@link #facetAggregations} to {@code counts}; returns the
     * hits they were counted over, or -1 when over every match.
     */
    private static long searchedFacets(Map<String, Aggregate> searched, Map<String, List<FacetCount>> counts) {
        Aggregate sample = searched.get(SAMPLE);
        if (sample == null) {
            searched.forEach((facet, aggregate) -> counts.put(facet, facetCounts(facet, aggregate)));
            return -1;
        }
        Aggregate near = searched.get(NEAR);
        if (near == null) {
            sample.sampler().aggregations().forEach((facet, aggregate) -> counts.put(facet, facetCounts(facet, aggregate)));
            return sample.sampler().docCount();
        }
        Aggregate lexical = sample.sampler().aggregations().get(LEXICAL);
        lexical.filter().aggregations().forEach((facet, aggregate) -> counts.put(facet,
                summed(facet, aggregate, near.filter().aggregations().get(facet))));
        return lexical.filter().docCount() + near.filter().docCount();
    }

    /**
     * The semantic leg: a filtered k-nearest-neighbour search of the HNSW graph, the viewer's
     * visibility, the statuses and the facet filters inside the search, so nothing invisible is
     * returned or counted.
     */
    @Override
    public List<VectorHit> nearest(IndexQuery filters, float[] vector, int k, float minSimilarity) {
        List<Float> queryVector = new ArrayList<>(vector.length);
        for (float x : vector) {
            queryVector.add(x);
        }
        List<Query> filter = new ArrayList<>();
        filter.add(terms("status", filters.statuses()));
        BoolQuery.Builder rest = new BoolQuery.Builder();
        filters(rest, filters);
        filter.add(Query.of(q -> q.bool(rest.build())));
        int wanted = Math.max(1, k);
        SearchResponse<Void> response = call(() -> client.search(s -> s.index(alias).size(wanted)
                .source(c -> c.fetch(false))
                .knn(n -> n.field(VECTOR).queryVector(queryVector).k(wanted)
                        .numCandidates(Math.max(NUM_CANDIDATES, wanted)).filter(filter)), Void.class));
        List<VectorHit> hits = new ArrayList<>();
        for (Hit<Void> hit : response.hits().hits()) {
            // Elasticsearch scores a cosine c as (1 + c) / 2
            float cosine = hit.score() == null ? -1 : (float) (2 * hit.score() - 1);
            if (cosine >= minSimilarity) {
                hits.add(new VectorHit(Long.parseLong(hit.id()), cosine));
            }
        }
        return hits;
    }

    /**
     * The query for the text: the first stage on the combined fields (it decides what matches,
     * counted and faceted, and orders them cheaply), or the rich per-field query ({@code rich}),
     * which rescores the first stage's best hits and is the whole search of an index without
     * the combined fields ({@code combined} false).
     */
    private Query textQuery(IndexQuery query, boolean rich, boolean combined) {
        if (query.matchesAll()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        List<Query> branches = new ArrayList<>();
        for (int i = 0; i < query.texts().size(); i++) {
            branches.add(textBranch(query.texts().get(i), i == 0 ? 1f : Ranking.ALTERNATIVE_FACTOR, rich, combined));
        }
        if (!query.pinyin().isEmpty()) {
            String pinyin = String.join(" ", query.pinyin());
            branches.add(Query.of(q -> q.matchPhrase(m -> m.field("pinyin").query(pinyin).boost(Ranking.PINYIN_BOOST))));
        }
        if (query.initials() != null) {
            String initials = query.initials();
            branches.add(Query.of(q -> q.matchPhrase(m -> m.field("initials").query(initials)
                    .boost(Ranking.INITIALS_BOOST))));
        }
        return Query.of(q -> q.bool(b -> b.should(branches).minimumShouldMatch("1")));
    }

    /**
     * One reading of the text: most of its bigrams must occur somewhere (recall without noise).
     * The first stage scores the bigrams anywhere and in the title; the rich query adds, per field
     * and weight, the exact phrase, the scattered bigrams and the words, the best field deciding
     * and the others adding a little.
     */
    private Query textBranch(QueryText reading, float factor, boolean rich, boolean combined) {
        String text = reading.text();
        // In some field ⇔ in the combined field; an index created before it existed looks in each field.
        List<String> gramFields = combined ? List.of(ALL + BIGRAMS) : bigramFields;
        List<String> wordFields = combined ? List.of(ALL) : textFields;
        // Most of its bigrams, or most of its words (Ranking.words), question and function words aside.
        List<Query> coverages = new ArrayList<>();
        coverages.add(Query.of(q -> q.combinedFields(c -> c.query(reading.required()).fields(gramFields)
                .minimumShouldMatch(Ranking.requiredBigramsSyntax(reading.relaxation())))));
        List<String> words = Ranking.words(reading.required());
        if (!words.isEmpty()) {
            List<Query> anyField = words.stream().map(word -> Query.of(q -> q.bool(b -> b.should(wordFields.stream()
                    .map(f -> term(f, word)).toList())))).toList();
            coverages.add(Query.of(q -> q.bool(b -> b.should(anyField)
                    .minimumShouldMatch(String.valueOf(Ranking.requiredWords(words.size(), reading.relaxation()))))));
        }
        Query coverage = Query.of(q -> q.bool(b -> b.should(coverages).minimumShouldMatch("1")));
        if (!rich) {
            // The first stage: the bigrams anywhere, and in the title (whose match decides most rankings).
            List<Query> cheap = List.of(Query.of(q -> q.match(m -> m.field(ALL + BIGRAMS).query(text).boost(factor))),
                    Query.of(q -> q.match(m -> m.field("title" + BIGRAMS).query(text)
                            .boost(factor * Ranking.FIRST_STAGE_TITLE_BOOST))));
            return Query.of(q -> q.bool(b -> b.filter(f -> f.constantScore(c -> c.filter(coverage))).should(cheap)));
        }
        List<Query> clauses = new ArrayList<>();
        Ranking.WEIGHTS.forEach((field, weight) -> {
            float w = weight * factor;
            String bi = field + BIGRAMS;
            clauses.add(Query.of(q -> q.matchPhrase(m -> m.field(bi).query(text).boost(w * Ranking.PHRASE_FACTOR))));
            clauses.add(Query.of(q -> q.match(m -> m.field(bi).query(text).boost(w))));
            clauses.add(Query.of(q -> q.match(m -> m.field(field).query(text).boost(w * Ranking.WORDS_FACTOR))));
        });
        return Query.of(q -> q.bool(b -> b.filter(f -> f.constantScore(c -> c.filter(coverage)))
                .should(s -> s.disMax(d -> d.queries(clauses).tieBreaker((double) Ranking.TIE_BREAKER)))));
    }

    private static void filters(BoolQuery.Builder bool, IndexQuery query) {
        bool.filter(visibility(query.viewer()));
        if (query.adopted()) {
            bool.filter(f -> f.range(r -> r.number(n -> n.field(ADOPTIONS).gte(1.0))));
        }
        if (query.category() != null) {
            bool.filter(term("category", query.category()));
        }
        if (query.departmentId() != null) {
            bool.filter(term("department", String.valueOf(query.departmentId())));
        }
        if (query.tag() != null) {
            bool.filter(term("tag", query.tag()));
        }
        if (query.year() != null) {
            bool.filter(term("year", String.valueOf(query.year())));
        }
    }

    /** The visibility rule of the method module, as a filter: nothing invisible is returned or counted. */
    static Query visibility(Viewer viewer) {
        if (viewer.admin()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        List<Query> visible = new ArrayList<>();
        visible.add(terms("status", Viewer.PUBLIC_STATUSES));
        visible.add(term("owner", String.valueOf(viewer.userId())));
        if (!viewer.reviewerDepartmentIds().isEmpty()) {
            visible.add(terms("department", viewer.reviewerDepartmentIds().stream().map(String::valueOf).toList()));
        }
        return Query.of(q -> q.bool(b -> b.should(visible).minimumShouldMatch("1")));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query terms(String field, Collection<String> values) {
        List<FieldValue> list = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(list))));
    }

    private static Aggregation facetAggregation(String facet, int size) {
        String field = facet.equals("department") ? "departmentFacet" : facet;
        boolean byValue = facet.equals("year");
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(byValue ? MERGED_VALUES : size)
                .order(byValue ? List.of(NamedValue.of("_key", SortOrder.Desc))
                        : List.of(NamedValue.of("_count", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc)))));
    }

    private static List<FacetCount> facetCounts(String facet, Aggregate aggregate) {
        List<FacetCount> counts = new ArrayList<>();
        for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
            counts.add(facetCount(facet, bucket.key().stringValue(), bucket.docCount()));
        }
        return List.copyOf(counts.subList(0, Math.min(MAX_VALUES, counts.size())));
    }

    /** The counts of two aggregations of one facet summed value by value, in the order of {@link #facetAggregation}. */
    private static List<FacetCount> summed(String facet, Aggregate first, Aggregate second) {
        Map<String, Long> byValue = new HashMap<>();
        for (Aggregate aggregate : List.of(first, second)) {
            for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
                byValue.merge(bucket.key().stringValue(), bucket.docCount(), Long::sum);
            }
        }
        Comparator<Map.Entry<String, Long>> order = facet.equals("year")
                ? Map.Entry.<String, Long>comparingByKey().reversed()
                : Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
        return byValue.entrySet().stream().sorted(order).limit(MAX_VALUES)
                .map(e -> facetCount(facet, e.getKey(), e.getValue())).toList();
    }

    private static FacetCount facetCount(String facet, String value, long count) {
        if (facet.equals("department")) {
            int sep = value.indexOf(LABEL_SEPARATOR);
            return new FacetCount(value.substring(0, sep), value.substring(sep + 1), count);
        }
        return new FacetCount(value, value, count);
    }

    /** Fragments per field: the whole title, up to two sentence-sized passages elsewhere. */
    private Highlight highlight(Query query) {
        List<NamedValue<HighlightField>> fields = bigramFields.stream().map(f -> NamedValue.of(f,
                HighlightField.of(h -> f.startsWith("title") ? h.numberOfFragments(0) : h))).toList();
        return Highlight.of(h -> h.type(HighlighterType.Unified).preTags(MARK_START).postTags(MARK_END)
                .highlightQuery(query).requireFieldMatch(true).numberOfFragments(FRAGMENTS)
                .fragmentSize(FRAGMENT_LENGTH).noMatchSize(0).boundaryScanner(BoundaryScanner.Sentence)
                .boundaryScannerLocale("zh-CN").fields(fields));
    }

    @SuppressWarnings("rawtypes")
    private static List<SearchHit> hits(SearchResponse<Map> response) {
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            Map<String, List<String>> highlights = new LinkedHashMap<>();
            hit.highlight().forEach((field, fragments) -> highlights.put(
                    field.substring(0, field.length() - BIGRAMS.length()),
                    fragments.stream().map(ElasticsearchSearchIndex::marked).toList()));
            Map<?, ?> source = hit.source();
            Double score = hit.score();
            hits.add(new SearchHit(Long.parseLong(string(source, "id")), (String) source.get("externalId"),
                    string(source, "title"), Category.valueOf(string(source, "category")),
                    Long.parseLong(string(source, "department")), string(source, "departmentName"),
                    MethodStatus.valueOf(string(source, "status")),
                    score == null || score.isNaN() ? 0f : score.floatValue(), highlights));
        }
        return hits;
    }

    private static String string(Map<?, ?> source, String field) {
        return String.valueOf(source.get(field));
    }

    /**
     * A fragment as HTML-escaped text with {@code <mark>} around the matches and no other markup;
     * matches next to each other (bigrams overlap) become one mark.
     */
    static String marked(String fragment) {
        var out = new StringBuilder();
        String merged = fragment.replace(MARK_END + MARK_START, "");
        boolean open = false;
        for (int i = 0; i < merged.length(); i++) {
            char c = merged.charAt(i);
            switch (c) {
                case '\u0001' -> {
                    if (!open) {
                        out.append("<mark>");
                        open = true;
                    }
                }
                case '\u0002' -> {
                    if (open) {
                        out.append("</mark>");
                        open = false;
                    }
                }
                default -> Snippets.escape(merged, i, i + 1, out);
            }
        }
        if (open) {
            out.append("</mark>");
        }
        return Snippets.trim(out);
    }

    @Override
    public List<SearchHit> suggestTitles(String text, String pinyinKey, Viewer viewer, int limit) {
        String key = IndexDocument.titleKey(text);
        if (key.isEmpty()) {
            return List.of();
        }
        List<Query> match = new ArrayList<>();
        match.add(Query.of(q -> q.prefix(p -> p.field("titleKey").value(key).boost(4f))));
        if (!pinyinKey.isEmpty()) {
            match.add(Query.of(q -> q.prefix(p -> p.field("pinyinKey").value(pinyinKey).boost(2f))));
            match.add(Query.of(q -> q.prefix(p -> p.field("initialsKey").value(pinyinKey))));
        }
        match.add(Query.of(q -> q.constantScore(c -> c.filter(f -> f.matchPhrase(m -> m.field("title" + BIGRAMS)
                .query(text))))));
        Query query = Query.of(q -> q.bool(b -> b.must(m -> m.bool(s -> s.should(match).minimumShouldMatch("1")))
                .filter(term("status", MethodStatus.PUBLISHED.name())).filter(visibility(viewer))));
        return hits(call(() -> client.search(s -> s.index(alias).query(query).size(limit), Map.class)));
    }

    @Override
    public List<SearchHit> similar(long methodId, Viewer viewer, int limit) {
        String id = String.valueOf(methodId);
        List<Query> like = new ArrayList<>();
        for (String field : SIMILAR_FIELDS) {
            like.add(Query.of(q -> q.moreLikeThis(m -> m.fields(field).like(l -> l.document(d -> d.index(alias).id(id)))
                    .minTermFreq(1).minDocFreq(1).minWordLength(2).maxQueryTerms(25).minimumShouldMatch("1")
                    .boost(IndexDocument.WEIGHTS.get(field)))));
        }
        Query query = Query.of(q -> q.bool(b -> b.must(m -> m.bool(s -> s.should(like).minimumShouldMatch("1")))
                .mustNot(n -> n.ids(i -> i.values(id))).filter(term("status", MethodStatus.PUBLISHED.name()))
                .filter(visibility(viewer))));
        return hits(call(() -> client.search(s -> s.index(alias).query(query).size(limit), Map.class)));
    }

    @Override
    public List<SearchHit> similarToText(Map<String, String> fields, Set<Long> excluded, Viewer viewer, int limit) {
        long maxDocFreq = DraftSimilarity.maxDocFreq(count());
        List<Query> like = new ArrayList<>();
        for (var entry : fields.entrySet()) {
            String field = entry.getKey();
            if (entry.getValue().isBlank() || !IndexDocument.WEIGHTS.containsKey(field)) {
                continue;
            }
            List<String> telling = tellingWords(field, entry.getValue(), maxDocFreq);
            if (!telling.isEmpty()) {
                List<Query> words = telling.stream().map(w -> term(field, w)).toList();
                String needed = String.valueOf(DraftSimilarity.wordsToShare(telling.size()));
                like.add(Query.of(q -> q.bool(b -> b.should(words).minimumShouldMatch(needed)
                        .boost(IndexDocument.WEIGHTS.get(field)))));
            }
        }
        if (like.isEmpty()) {
            return List.of();
        }
        List<String> ids = excluded.stream().map(String::valueOf).toList();
        Query query = Query.of(q -> q.bool(b -> b.must(m -> m.bool(s -> s.should(like).minimumShouldMatch("1")))
                .mustNot(n -> n.ids(i -> i.values(ids))).filter(term("status", MethodStatus.PUBLISHED.name()))
                .filter(visibility(viewer))));
        return hits(call(() -> client.search(s -> s.index(alias).query(query).size(limit), Map.class)));
    }

    @Override
    public List<SearchHit> published(List<Long> ids, Viewer viewer) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> values = ids.stream().map(String::valueOf).distinct().toList();
        Query query = Query.of(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(values)))
                .filter(term("status", MethodStatus.PUBLISHED.name())).filter(visibility(viewer))));
        return SearchIndex.inOrder(ids, hits(call(() -> client.search(s -> s.index(alias).query(query)
                .size(values.size()), Map.class))));
    }

    /** The distinct words of a draft's text as the field indexes them, without those in most methods. */
    private List<String> tellingWords(String field, String text, long maxDocFreq) {
        List<String> words = call(() -> client.indices().analyze(a -> a.index(alias).field(field).text(text)))
                .tokens().stream().map(AnalyzeToken::token)
                .filter(t -> t.length() >= DraftSimilarity.MIN_WORD_LENGTH).distinct().toList();
        if (words.isEmpty()) {
            return List.of();
        }
        // Each word's document frequency, in one request.
        Map<String, Query> byWord = new LinkedHashMap<>();
        words.forEach(w -> byWord.put(w, term(field, w)));
        SearchResponse<Void> freq = call(() -> client.search(s -> s.index(alias).size(0)
                .aggregations("words", a -> a.filters(f -> f.filters(b -> b.keyed(byWord)))), Void.class));
        Map<String, FiltersBucket> buckets = freq.aggregations().get("words").filters().buckets().keyed();
        return words.stream().filter(w -> buckets.get(w) == null || buckets.get(w).docCount() <= maxDocFreq).toList();
    }

    @Override
    public Map<String, Long> documentFrequencies(Collection<String> words) {
        if (words.isEmpty()) {
            return Map.of();
        }
        // in one request: per word the documents holding it in any word field
        Map<String, Query> byWord = new LinkedHashMap<>();
        words.forEach(w -> byWord.put(w, Query.of(q -> q.bool(b -> b.should(textFields.stream().map(f -> term(f, w))
                .toList())))));
        SearchResponse<Void> response = call(() -> client.search(s -> s.index(alias).size(0)
                .aggregations("words", a -> a.filters(f -> f.filters(b -> b.keyed(byWord)))), Void.class));
        Map<String, FiltersBucket> buckets = response.aggregations().get("words").filters().buckets().keyed();
        Map<String, Long> frequencies = new LinkedHashMap<>();
        words.forEach(w -> frequencies.put(w, buckets.get(w) == null ? 0 : buckets.get(w).docCount()));
        return frequencies;
    }

    @Override
    public long count() {
        return call(() -> {
            if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
                return 0L;
            }
            return client.count(c -> c.index(alias)).count();
        });
    }

    // ---- rebuilding

    @Override
    public Rebuild startRebuild() {
        synchronized (writeLock) {
            if (rebuild != null) {
                throw new IllegalStateException("a rebuild of the search index is already running");
            }
            rebuild = new EsRebuild(call(this::createIndex));
            return rebuild;
        }
    }

    /**
     * Adds the fields mapped later ({@link #LATE_FIELDS}) to an index created before (a field may be
     * added to a live index; the same definition again changes nothing), so the semantic leg can
     * search the vectors the backfill writes, and re-indexed methods carry their adoptions, without
     * a reindex.
     */
    private void addLateFields() throws IOException {
        JsonNode properties;
        try (InputStream mapping = ElasticsearchSearchIndex.class.getResourceAsStream(MAPPING)) {
            properties = JsonMapper.builder().build().readTree(mapping).path("mappings").path("properties");
        }
        var late = new StringJoiner(",", "{\"properties\":{", "}}");
        for (String field : LATE_FIELDS) {
            late.add("\"" + field + "\":" + properties.path(field));
        }
        String body = late.toString();
        client.indices().putMapping(p -> p.index(alias).withJson(new StringReader(body)));
    }

    private String createIndex() throws IOException {
        String name = alias + "-" + System.currentTimeMillis();
        try (InputStream mapping = ElasticsearchSearchIndex.class.getResourceAsStream(MAPPING)) {
            client.indices().create(CreateIndexRequest.of(c -> c.index(name).withJson(mapping)));
        }
        return name;
    }

    /**
     * A new index being filled. Bulk requests of database pages may run from several threads at
     * once, outside the write lock. Writes through apply() meanwhile are newer than what was read
     * from the database: they go to the new index too and are replayed last, so they win whatever
     * the interleaving.
     */
    private final class EsRebuild implements Rebuild {

        private final String next;
        /** Guarded by writeLock. */
        private final RebuildWrites written = new RebuildWrites();
        private boolean done;

        EsRebuild(String next) {
            this.next = next;
        }

        void applied(List<IndexDocument> upserts, Collection<Long> deletes) {
            bulk(next, upserts, deletes, false);
            written.record(upserts, deletes);
        }

        @Override
        public void add(List<IndexDocument> documents) {
            List<IndexDocument> older;
            synchronized (writeLock) {
                older = written.older(documents);
            }
            bulk(next, older, List.of(), false);
        }

        @Override
        public void complete() {
            // One segment before it serves, as the embedded index (LuceneSearchIndex): a search does
            // part of its work per segment. Outside the lock: changes arriving meanwhile go on into
            // the new index and land in segments of their own.
            call(() -> {
                client.indices().refresh(r -> r.index(next));
                client.indices().forcemerge(f -> f.index(next).maxNumSegments(1L));
                return null;
            });
            synchronized (writeLock) {
                bulk(next, written.upserts(), written.deletes(), false);
                call(() -> {
                    client.indices().refresh(r -> r.index(next));
                    Set<String> old = client.indices().existsAlias(e -> e.name(alias)).value()
                            ? client.indices().getAlias(g -> g.name(alias)).aliases().keySet() : Set.of();
                    client.indices().updateAliases(u -> {
                        old.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(alias))));
                        return u.actions(a -> a.add(x -> x.index(next).alias(alias)));
                    });
                    done = true;
                    rebuild = null;
                    combinedFields = true;
                    for (String o : old.stream().sorted(Comparator.naturalOrder()).toList()) {
                        client.indices().delete(d -> d.index(o));
                    }
                    return null;
                });
                log.info("search index rebuilt in {} behind alias {}", next, alias);
                removeStaleIndexes();
            }
        }

        @Override
        public void close() {
            synchronized (writeLock) {
                if (!done) {
                    rebuild = null;
                    call(() -> client.indices().delete(d -> d.index(next)));
                }
            }
        }
    }

    /**
     * Deletes this portal's indexes ({@code <alias>-<millis>}) that are not behind the alias and
     * older than the one that is: leftovers of a reindex that was interrupted (process killed,
     * cluster gone before the swap). Newer ones are left alone, as another instance may be filling
     * one right now; the live index is never touched. Best effort: a failure is only logged.
     */
    void removeStaleIndexes() {
        try {
            call(() -> {
                if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
                    return null;
                }
                Set<String> live = client.indices().getAlias(g -> g.name(alias)).aliases().keySet();
                long oldestLive = live.stream().mapToLong(this::createdMillis).filter(t -> t >= 0).min().orElse(-1);
                if (oldestLive < 0) {
                    return null;
                }
                Set<String> ours = client.indices().get(g -> g.index(alias + "-*")).indices().keySet();
                for (String name : ours) {
                    long created = createdMillis(name);
                    if (created >= 0 && created < oldestLive && !live.contains(name)) {
                        client.indices().delete(d -> d.index(name));
                        log.info("deleted search index {} left by an interrupted reindex", name);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("could not remove indexes left by an interrupted reindex: {}", e.toString());
        }
    }

    /** The creation time in an index name {@code <alias>-<millis>}, or -1 for any other name. */
    long createdMillis(String index) {
        String prefix = alias + "-";
        if (!index.startsWith(prefix)) {
            return -1;
        }
        String suffix = index.substring(prefix.length());
        if (suffix.isEmpty() || suffix.length() > 18 || !suffix.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(suffix);
    }

    // ---- plumbing

    @Override
    public void close() {
        synchronized (writeLock) {
            if (rebuild != null) {
                rebuild.close();
            }
        }
        try {
            client.close();
        } catch (IOException e) {
            log.warn("closing the Elasticsearch client failed: {}", e.toString());
        }
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    /** Runs a request; a missing index or alias is reported as damage, other failures as they are. */
    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ElasticsearchException e) {
            if (e.status() == 404 && e.error() != null && INDEX_NOT_FOUND.equals(e.error().type())) {
                throw new IndexDamagedException("search index missing: " + e.getMessage(), e);
            }
            throw e;
        }
    }
}
