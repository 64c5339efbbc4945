package org.methodportal.search;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.search.engine.CachedEmbedder;
import org.methodportal.search.engine.DidYouMean;
import org.methodportal.search.engine.Embedder;
import org.methodportal.search.engine.GlossaryTerm;
import org.methodportal.search.engine.HybridRanking;
import org.methodportal.search.engine.IndexDamagedException;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.engine.IndexQuery;
import org.methodportal.search.engine.PinyinReader;
import org.methodportal.search.engine.PinyinReadings;
import org.methodportal.search.engine.QueryPlanner;
import org.methodportal.search.engine.QueryTerms;
import org.methodportal.search.engine.RelaxedSearch;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.search.engine.SemanticText;
import org.methodportal.search.engine.TextNormalizer;
import org.methodportal.search.engine.VectorHit;
import org.methodportal.search.engine.Viewer;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Searching methods (design §3): full text with Chinese segmentation, pinyin and glossary synonyms,
 * facets, suggestions and similar methods. Every answer is limited to what the caller may see
 * (the method module's visibility rule, applied inside the index query). When the engine fails,
 * callers get a {@link SearchUnavailableException} and the rest of the portal is unaffected; while
 * the portal rebuilds a damaged or missing index they get a {@link SearchRebuildingException}, never
 * an answer from the incomplete index.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SearchService {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    public static final int SUGGESTIONS = 8;
    static final Duration MIN_RETRY = Duration.ofSeconds(5);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);
    /**
     * The cosine a method's embedding must reach to be offered as like a draft or another method:
     * the model's cosines are compressed (unrelated texts of this domain still score about 0.5),
     * so only a high one says "the same practice" (measured over the near-duplicate drafts of the
     * evaluation corpus, see docs/search-quality.md).
     */
    static final float MIN_SIMILARITY = 0.70f;
    /**
     * The lower cosine enough for a draft's duplicate that also shares its telling words: the
     * words alone let through unrelated drafts that share two everyday words (排队, 不及时), whose
     * cosines stay below this.
     */
    static final float CORROBORATED_SIMILARITY = 0.60f;
    /** Candidates each leg brings to the fusion of similar methods and duplicates. */
    static final int SIMILAR_WINDOW = 20;
    /** Recent embeddings kept (drafts re-checked on each edit, method pages visited again). */
    private static final int EMBEDDINGS_CACHED = 1000;

    private final SearchIndex index;
    private final SearchIndexer indexer;
    private final SearchGlossary glossary;
    private final MethodService methods;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Null while the semantic leg is off: similar methods and duplicates are then found by their words only. */
    private final @Nullable Embedder embedder;
    private final QueryEmbeddings queryEmbeddings;
    private final EmbeddingBackfill backfill;

    @Autowired
    SearchService(SearchIndex index, SearchIndexer indexer, SearchGlossary glossary, MethodService methods,
                  CurrentUser currentUser, ApplicationEventPublisher events, Clock clock,
                  ObjectProvider<Embedder> embedder, QueryEmbeddings queryEmbeddings, EmbeddingBackfill backfill) {
        this(index, indexer, glossary, methods, currentUser, events, clock, embedder.getIfAvailable(), queryEmbeddings,
                backfill);
    }

    /** Similar methods and duplicates by their words only. */
    SearchService(SearchIndex index, SearchIndexer indexer, SearchGlossary glossary, MethodService methods,
                  CurrentUser currentUser, ApplicationEventPublisher events, Clock clock,
                  QueryEmbeddings queryEmbeddings, EmbeddingBackfill backfill) {
        this(index, indexer, glossary, methods, currentUser, events, clock, (Embedder) null, queryEmbeddings, backfill);
    }

    SearchService(SearchIndex index, SearchIndexer indexer, SearchGlossary glossary, MethodService methods,
                  CurrentUser currentUser, ApplicationEventPublisher events, Clock clock, @Nullable Embedder embedder,
                  QueryEmbeddings queryEmbeddings, EmbeddingBackfill backfill) {
        this.embedder = embedder == null ? null : new CachedEmbedder(embedder, EMBEDDINGS_CACHED);
        this.events = events;
        this.clock = clock;
        this.queryEmbeddings = queryEmbeddings;
        this.backfill = backfill;
        this.index = index;
        this.indexer = indexer;
        this.glossary = glossary;
        this.methods = methods;
        this.currentUser = currentUser;
    }

    /**
     * A page of visible methods matching the request, with total and facets. With the semantic leg
     * on, the text's embedding is computed while the search is planned and the methods nearest to
     * it are fused with those matching its words.
     */
    public SearchResult search(SearchRequest request) {
        Viewer viewer = Viewer.of(currentUser.require());
        var embedding = queryEmbeddings.start(QueryPlanner.searchable(request.text()));
        List<GlossaryTerm> terms = glossary.terms();
        IndexQuery plan = engine(() -> QueryPlanner.plan(request, viewer, terms, index::documentFrequencies)
                .withVector(queryEmbeddings.await(embedding)));
        SearchResult result = engine(() -> RelaxedSearch.search(index, plan));
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>(result.facets());
        facets.computeIfPresent("category", (k, values) -> values.stream()
                .map(f -> new FacetCount(f.value(), Category.valueOf(f.value()).chineseName(), f.count())).toList());
        String didYouMean = !request.text().isEmpty() && wordsFoundNothing(plan, result)
                ? didYouMean(request, viewer, terms) : null;
        return new SearchResult(result.total(), result.hits(), facets, result.page(), result.size(), didYouMean,
                QueryTerms.cut(request.text()).length() < request.text().length(), result.facetsApproximate());
    }

    /**
     * Whether a correction is worth looking for: nothing was found, or a name or keyword (not a
     * sentence) found only methods near in meaning. A mistyped name ("邻里夜画角") may bring the
     * method by its meaning, and the correction that finds it by its words is still worth offering.
     */
    private boolean wordsFoundNothing(IndexQuery plan, SearchResult result) {
        if (result.total() == 0) {
            return true;
        }
        if (plan.vector() == null || RelaxedSearch.relaxable(plan)) {
            return false;
        }
        try {
            return index.countMatches(plan, 1) == 0;
        } catch (RuntimeException e) {
            log.warn("search correction not checked, the engine failed: {}", e.toString());
            return false;
        }
    }

    /** A correction of the text that finds something with the same filters; null when none (or the engine failed). */
    private @Nullable String didYouMean(SearchRequest request, Viewer viewer, List<GlossaryTerm> terms) {
        try {
            return DidYouMean.suggest(index, QueryPlanner.searchable(request.text()), viewer, terms, text -> index.search(QueryPlanner.plan(
                    new SearchRequest(text, request.category(), request.departmentId(), request.status(), request.tag(),
                            request.year(), request.sort(), 0, 1), viewer, terms)).total() > 0).orElse(null);
        } catch (RuntimeException e) {
            log.warn("no search correction, the engine failed: {}", e.toString());
            return null;
        }
    }

    /** Completions for the search box: visible method titles, then glossary terms, by prefix or pinyin prefix. */
    public List<Suggestion> suggest(String text, int limit) {
        String typed = text == null ? "" : QueryPlanner.searchable(text);
        if (typed.isEmpty()) {
            return List.of();
        }
        int max = Math.clamp(limit, 1, 20);
        Viewer viewer = Viewer.of(currentUser.require());
        String key = PinyinReader.key(typed);
        List<Suggestion> suggestions = new ArrayList<>();
        engine(() -> index.suggestTitles(typed, key, viewer, max))
                .forEach(h -> suggestions.add(new Suggestion(h.title(), Suggestion.Kind.TITLE, h.id())));
        Set<String> terms = new LinkedHashSet<>();
        for (GlossaryTerm term : glossary.terms()) {
            if (matches(term, typed, key)) {
                terms.add(term.standard());
            }
        }
        terms.stream().limit(Math.max(0, max - suggestions.size()))
                .forEach(t -> suggestions.add(new Suggestion(t, Suggestion.Kind.TERM, null)));
        return List.copyOf(suggestions);
    }

    /**
     * Visible published methods most like this one, never itself; not found if the caller may not
     * see it. The method page's box and the merge candidates. With the semantic leg on, the
     * methods whose embeddings are nearest to this one's (what it is for: title, summary, problem,
     * concept) fused with those sharing its words (title, problem, measures); else the latter.
     */
    public List<SearchHit> similar(long methodId, int limit) {
        var method = methods.get(methodId);
        Viewer viewer = Viewer.of(currentUser.require());
        int max = Math.clamp(limit, 1, 20);
        float @Nullable [] vector = embedding(() -> IndexDocument.semanticText(method.revision().content()));
        if (vector == null) {
            return engine(() -> index.similar(methodId, viewer, max));
        }
        return engine(() -> fused(index.similar(methodId, viewer, SIMILAR_WINDOW),
                nearest(vector, Set.of(methodId), viewer, MIN_SIMILARITY), viewer, max));
    }

    /**
     * Visible published methods most like a method being drafted, by its title and problem, for
     * the duplicate warning; {@code excluded} (the draft itself, a change request's target) never
     * come back. Empty when both texts are blank.
     */
    public List<SearchHit> similarToText(String title, String problem, Set<Long> excluded, int limit) {
        return similarToText(title, null, problem, null, excluded, limit);
    }

    /**
     * Visible published methods most like a method being drafted, for the duplicate warning. The
     * draft's local wording is first normalised with the glossary (variants → standard terms, as
     * the normalisation assistant would), so a draft is compared with the entries as they are
     * written. With the semantic leg on, a method is offered when its embedding is near the
     * draft's (title, summary, problem, concept: cosine {@link #MIN_SIMILARITY}), or when it shares
     * a fair part of the draft's telling words (title, problem) and is fairly near
     * ({@link #CORROBORATED_SIMILARITY}); both lists are fused by rank. With the leg off, the words
     * alone decide. An unrelated draft gets no list. {@code excluded} ids never come back.
     */
    public List<SearchHit> similarToText(@Nullable String title, @Nullable String summary, @Nullable String problem,
                                         @Nullable String concept, Set<Long> excluded, int limit) {
        UnaryOperator<String> standard = glossary.normalizer();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title == null ? "" : standard.apply(TextNormalizer.normalize(title)).strip());
        fields.put("problem", problem == null ? "" : standard.apply(IndexDocument.searchable(problem)).strip());
        if (fields.values().stream().allMatch(String::isEmpty)) {
            return List.of();
        }
        Viewer viewer = Viewer.of(currentUser.require());
        Set<Long> without = Set.copyOf(excluded);
        int max = Math.clamp(limit, 1, 20);
        float @Nullable [] vector = embedding(() -> SemanticText.of(fields.get("title"),
                summary == null ? null : standard.apply(IndexDocument.searchable(summary)), fields.get("problem"),
                concept == null ? null : standard.apply(IndexDocument.searchable(concept))));
        if (vector == null) {
            return engine(() -> index.similarToText(fields, without, viewer, max));
        }
        return engine(() -> {
            List<SearchHit> sharingWords = index.similarToText(fields, without, viewer, SIMILAR_WINDOW);
            List<VectorHit> nearest = nearest(vector, without, viewer, -1f);
            if (nearest.isEmpty()) {
                // no embeddings indexed yet (being backfilled): the words alone decide, as with the leg off
                return sharingWords.stream().limit(max).toList();
            }
            Set<Long> fairlyNear = new HashSet<>(nearest.stream()
                    .filter(h -> h.similarity() >= CORROBORATED_SIMILARITY).map(VectorHit::id).toList());
            return fused(sharingWords.stream().filter(h -> fairlyNear.contains(h.id())).toList(),
                    nearest.stream().filter(h -> h.similarity() >= MIN_SIMILARITY).toList(), viewer, max);
        });
    }

    /** The embedding of the text, or null when the semantic leg is off or the model failed (the words still count). */
    private float @Nullable [] embedding(Supplier<String> text) {
        if (embedder == null) {
            return null;
        }
        try {
            String semantic = text.get();
            return semantic.isEmpty() ? null : embedder.embed(semantic);
        } catch (RuntimeException e) {
            log.warn("no embedding, similar methods by their words only: {}", e.toString());
            return null;
        }
    }

    /** The visible published methods nearest to the vector with at least this cosine, without {@code excluded}. */
    private List<VectorHit> nearest(float[] vector, Set<Long> excluded, Viewer viewer, float minSimilarity) {
        var filters = new IndexQuery(List.of(), List.of(), null, Set.of(MethodStatus.PUBLISHED.name()), null, null,
                null, null, viewer, false, 0, SIMILAR_WINDOW);
        return index.nearest(filters, vector, SIMILAR_WINDOW + excluded.size(), minSimilarity).stream()
                .filter(h -> !excluded.contains(h.id())).limit(SIMILAR_WINDOW).toList();
    }

    /**
     * The lexical and the semantic list fused by reciprocal rank ({@link HybridRanking}), the first
     * {@code limit}; a method only the semantic leg found is looked up in the index to be shown.
     */
    private List<SearchHit> fused(List<SearchHit> lexical, List<VectorHit> nearest, Viewer viewer, int limit) {
        List<HybridRanking.Fused> ranking = HybridRanking.fuse(lexical.stream().map(SearchHit::id).toList(), nearest)
                .stream().limit(limit).toList();
        Map<Long, SearchHit> byId = new LinkedHashMap<>();
        lexical.forEach(h -> byId.put(h.id(), h));
        List<Long> missing = ranking.stream().map(HybridRanking.Fused::id).filter(id -> !byId.containsKey(id)).toList();
        index.published(missing, viewer).forEach(h -> byId.put(h.id(), h));
        List<SearchHit> hits = new ArrayList<>(ranking.size());
        for (HybridRanking.Fused f : ranking) {
            SearchHit h = byId.get(f.id());
            if (h != null) {
                hits.add(new SearchHit(h.id(), h.externalId(), h.title(), h.category(), h.departmentId(),
                        h.department(), h.status(), (float) f.score(), h.highlights()));
            }
        }
        return hits;
    }

    /**
     * Rebuilds the index from the database in the background (the old index serves until the new
     * one is complete) and returns the progress so far; a conflict when a reindex already runs.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ReindexStatus startReindex() {
        String login = currentUser.require().login();
        indexer.rebuildInBackground(login);
        log.info("search reindex started by {}", login);
        ReindexStatus status = indexer.status();
        events.publishEvent(new SearchReindexStarted());
        return status;
    }

    /** Rebuilds the index from the database on this thread and returns the number of methods indexed. */
    @PreAuthorize("hasRole('ADMIN')")
    public long reindex() {
        String login = currentUser.require().login();
        log.info("search reindex requested by {}", login);
        // audited when it ends (SearchReindexFinished names who started it)
        return indexer.rebuild(login);
    }

    /** The reindex running now (with its progress), or the last one since this instance started. */
    @PreAuthorize("hasRole('ADMIN')")
    public ReindexStatus reindexStatus() {
        return indexer.status();
    }

    /**
     * Computes in the background the embeddings of the methods that have none current, and returns
     * the progress so far; a conflict when one runs already or the semantic leg is off.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public BackfillStatus startBackfill() {
        String login = currentUser.require().login();
        backfill.startInBackground(login);
        log.info("embedding backfill started by {}", login);
        return backfill.status();
    }

    /** The embedding backfill running now (with its progress), or the last one since this instance started. */
    @PreAuthorize("hasRole('ADMIN')")
    public BackfillStatus backfillStatus() {
        return backfill.status();
    }

    public boolean isReindexing() {
        return indexer.isRebuilding();
    }

    /**
     * The state of the search index for the administrators' page: the engine, how many documents it
     * holds (null when it cannot be reached), the outbox backlog, the reindex, whether the portal
     * is rebuilding a damaged or missing index (checked anew on each call) and the embedding backfill.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public IndexOverview overview() {
        IndexHealth health;
        try {
            health = indexer.checkIndex();
        } catch (RuntimeException e) {
            health = indexer.health();
        }
        Long documents;
        try {
            documents = index.count();
        } catch (RuntimeException e) {
            log.warn("search engine not reachable for the overview: {}", e.toString());
            documents = null;
        }
        return new IndexOverview(index.engineName(), documents, indexer.backlog(), indexer.status(), health,
                backfill.status());
    }

    private static boolean matches(GlossaryTerm term, String typed, String key) {
        String lower = typed.toLowerCase(Locale.ROOT);
        List<String> members = new ArrayList<>(term.variants());
        members.addFirst(term.standard());
        for (String member : members) {
            if (member.toLowerCase(Locale.ROOT).startsWith(lower)) {
                return true;
            }
            List<String> syllables = PinyinReadings.preferred(member);
            String full = String.join("", syllables);
            String initials = String.join("", syllables.stream().map(s -> s.substring(0, 1)).toList());
            if (!key.isEmpty() && key.chars().allMatch(c -> c < 128) && (full.startsWith(key) || initials.startsWith(key))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Calls the engine unless the index is being rebuilt by the portal (answers "rebuilding") or
     * that failed ("unavailable"); a damage found by the call starts the rebuild and answers "rebuilding".
     */
    private <T> T engine(Supplier<T> call) {
        refuseUnlessServing();
        try {
            return call.get();
        } catch (PortalException e) {
            throw e;
        } catch (IndexDamagedException e) {
            indexer.damaged(e);
            refuseUnlessServing();
            throw new SearchUnavailableException(e);
        } catch (RuntimeException e) {
            log.warn("search engine failed: {}", e.toString());
            throw new SearchUnavailableException(e);
        }
    }

    private void refuseUnlessServing() {
        IndexHealth health = indexer.health();
        switch (health.status()) {
            case SERVING -> {
            }
            case REBUILDING -> {
                ReindexStatus progress = indexer.status();
                throw new SearchRebuildingException(progress.running() ? progress.done() : 0,
                        progress.running() ? progress.total() : 0, retryAfter(progress));
            }
            case FAILED -> throw new SearchUnavailableException(new IllegalStateException(health.error()));
        }
    }

    /** When the rebuild should be complete, from its pace so far; within 5 s and 5 min. */
    private Duration retryAfter(ReindexStatus progress) {
        if (!progress.running() || progress.done() == 0 || progress.startedAt() == null) {
            return MIN_RETRY.multipliedBy(2);
        }
        Duration elapsed = progress.duration(clock.instant());
        Duration remaining = elapsed.multipliedBy(Math.max(0, progress.total() - progress.done())).dividedBy(progress.done());
        return remaining.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : remaining.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : remaining;
    }
}
