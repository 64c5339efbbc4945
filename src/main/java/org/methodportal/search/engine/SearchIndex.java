package org.methodportal.search.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchResult;

/**
 * The port every search engine adapter implements (embedded Lucene, Elasticsearch); the contract
 * tests hold each one to the same behaviour. The index is derived from the database and may be
 * rebuilt at any time. Failures of the engine surface as runtime exceptions; the service turns them
 * into a "search unavailable" answer and the outbox retries writes. A damaged or vanished index
 * surfaces as {@link IndexDamagedException}: the indexer then sets it aside and rebuilds it.
 */
public interface SearchIndex extends AutoCloseable {

    /** Adds or replaces these documents and removes those ids, visible to the next search. */
    void apply(List<IndexDocument> upserts, Collection<Long> deletes);

    /**
     * How many hits the facets are counted over at most. A search matching more counts its
     * facets over its best this many hits by the score of the first stage (the nearest methods of
     * the semantic leg always among them) and says so ({@link SearchResult#facetsApproximate()});
     * the total and the status facet stay exact (the status of every match is read anyway to keep
     * the statuses searched). Counting the facets of every match costs a large part of a search
     * that matches tens of thousands of methods, while 5,000 hits still rank the values shown
     * alike (a value holding 1% of the matches is estimated within about 15%), keep every search
     * that names something specific exact, and stay far above the hits a page can show
     * ({@link HybridRanking#WINDOW}, the rescored hits), so the counts always cover what is
     * listed. Adapters take another value from {@code portal.search.facet-sample}.
     */
    int FACET_SAMPLE = 5_000;

    /**
     * One page of hits, the exact total and the facets, all restricted to what the viewer may see;
     * the facets of a search matching more than the adapter's sample ({@link #FACET_SAMPLE}) are
     * counted over its best hits only.
     */
    SearchResult search(IndexQuery query);

    /**
     * How many methods the viewer may see in the query's statuses and filters match its text (the
     * semantic leg left out): what a search's total would be without it, without ranking a page.
     * Counting stops at {@code atMost}: whoever asks whether there are at least a few matches does
     * not pay for counting the tens of thousands a short text finds.
     */
    default long countMatches(IndexQuery query, long atMost) {
        return Math.min(atMost, search(query.withVector(null).page(0, 1)).total());
    }

    /** Titles of visible published methods starting with (or containing) the text, or whose pinyin or initials start with the key. */
    List<SearchHit> suggestTitles(String text, String pinyinKey, Viewer viewer, int limit);

    /** Visible published methods most like this one by title, problem and measures; never itself. */
    List<SearchHit> similar(long methodId, Viewer viewer, int limit);

    /**
     * Visible published methods most like a text being drafted, field by field ({@code title},
     * {@code problem}); a method counts only when it shares a fair part of the text's distinctive
     * words, so an unrelated draft gets no list. {@code excluded} ids never come back.
     */
    List<SearchHit> similarToText(Map<String, String> fields, Set<Long> excluded, Viewer viewer, int limit);

    /**
     * The visible published methods with these ids, in their order, as hits without highlights;
     * an id not indexed, not published or not visible is left out. Turns what {@link #nearest}
     * found into methods to show.
     */
    List<SearchHit> published(List<Long> ids, Viewer viewer);

    /** The hits in the order of {@code ids} (an engine returns them in its own order), for {@link #published}. */
    static List<SearchHit> inOrder(List<Long> ids, List<SearchHit> hits) {
        Map<Long, SearchHit> byId = new HashMap<>();
        hits.forEach(h -> byId.put(h.id(), h));
        return ids.stream().distinct().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * The semantic leg: methods the query's viewer may see, in its statuses and filters (category,
     * department, tag, year), whose embeddings are nearest to {@code vector}, best first; at most
     * {@code k}, each with a cosine similarity of at least {@code minSimilarity}. The filters apply
     * inside the nearest-neighbour search, so nothing invisible is returned or counted. Empty for
     * an adapter or index without embeddings.
     */
    default List<VectorHit> nearest(IndexQuery filters, float[] vector, int k, float minSimilarity) {
        return List.of();
    }

    /**
     * In how many documents each word occurs in a word field (the most of any field); 0 for a
     * word not indexed. Used to keep the most informative words of a long search text.
     */
    default Map<String, Long> documentFrequencies(Collection<String> words) {
        return Map.of();
    }

    /**
     * Whether the index was written with an older layout than this version of the portal writes
     * (a field added to the analysis): it still answers searches, and a rebuild at start brings it
     * up to date.
     */
    default boolean outdated() {
        return false;
    }

    /** The engine and where its index is, for the administrators ("Lucene …", "Elasticsearch …"). */
    String engineName();

    /** How many documents the index holds (0 when empty or missing). */
    long count();

    /**
     * Starts building a complete new index beside the one serving; searches keep using the old one,
     * and writes through {@link #apply} go to both until {@link Rebuild#complete()} swaps them.
     */
    Rebuild startRebuild();

    /**
     * Whether the index is still there and writable; throws {@link IndexDamagedException} when it
     * is not. Cheap enough to run on every health check.
     */
    void check();

    /**
     * The damage found when the index was opened (it has been set aside and an empty index serves
     * in its place), or null when the index opened fine.
     */
    @Nullable IndexDamage damageAtOpen();

    /**
     * Sets a damaged index aside, keeping whatever is left of it (never deleted: it may be all
     * there is), before a rebuild from the database fills a new one; until then the index is empty
     * or missing. Returns where the damaged index was kept, or null when nothing was left to keep.
     */
    @Nullable String setAside();

    @Override
    void close();

    /** A new index being filled; closing it without completing discards it. */
    interface Rebuild extends AutoCloseable {

        /** Adds documents read from the database, unless a newer write for the same id came through {@link #apply}. */
        void add(List<IndexDocument> documents);

        /** Makes the new index the serving one and removes the old. */
        void complete();

        @Override
        void close();
    }
}
