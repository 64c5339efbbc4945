package org.methodportal.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.methodportal.search.FacetCount;
import org.methodportal.search.SearchResult;

/**
 * Counts the facets of the hits over the doc values. It runs on the query without the status
 * filter: the status facet counts every status, the other facets and the total only the hits in
 * the statuses searched. Either it counts every facet of every hit ({@link Manager#exact}), or only
 * the status and the total of every hit ({@link Manager#statusAndTotal}), the other facets then
 * being counted afterwards over chosen hits ({@link Result#withFacetsOf}): the best hits of a
 * search that matches many.
 */
final class FacetCollector implements Collector {

    /** Facet values shown per facet; tags can be many. */
    static final int MAX_VALUES = 30;
    /** The facets but the status: counted over the hits in the statuses searched only. */
    private static final List<String> SEARCHED_FACETS = SearchResult.FACETS.stream()
            .filter(f -> !f.equals(LuceneSearchIndex.STATUS)).toList();

    private final Set<String> statuses;
    private final boolean everyFacet;
    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private long total;

    private FacetCollector(Set<String> statuses, boolean everyFacet) {
        this.statuses = statuses;
        this.everyFacet = everyFacet;
        SearchResult.FACETS.forEach(f -> counts.put(f, new HashMap<>()));
    }

    /**
     * The total of the hits in the statuses searched and the facets; {@code approximate} when the
     * facets but the status were counted over some of them only.
     */
    record Result(long total, Map<String, List<FacetCount>> counts, boolean approximate) {

        /**
         * This result's total and status facet with the other facets counted over these hits (in
         * the statuses searched): approximate unless they are all of the total.
         */
        Result withFacetsOf(IndexSearcher searcher, int[] docs) throws IOException {
            Map<String, List<FacetCount>> facets = new HashMap<>(lists(count(searcher, docs)));
            facets.put(LuceneSearchIndex.STATUS, counts.get(LuceneSearchIndex.STATUS));
            return new Result(total, facets, docs.length < total);
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        Map<String, SortedSetDocValues> values = new HashMap<>();
        Map<String, long[]> ordCounts = new HashMap<>();
        for (String facet : SearchResult.FACETS) {
            SortedSetDocValues dv = DocValues.getSortedSet(context.reader(), facet);
            values.put(facet, dv);
            ordCounts.put(facet, new long[(int) dv.getValueCount()]);
        }
        SortedSetDocValues status = values.get(LuceneSearchIndex.STATUS);
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                if (!status.advanceExact(doc)) {
                    return;
                }
                long statusOrd = status.nextOrd();
                ordCounts.get(LuceneSearchIndex.STATUS)[(int) statusOrd]++;
                if (!statuses.contains(status.lookupOrd(statusOrd).utf8ToString())) {
                    return;
                }
                total++;
                if (everyFacet) {
                    for (String facet : SEARCHED_FACETS) {
                        addValues(values.get(facet), doc, ordCounts.get(facet));
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                addCounts(values, ordCounts, counts);
            }
        };
    }

    private static void addValues(SortedSetDocValues dv, int doc, long[] ordCounts) throws IOException {
        if (dv.advanceExact(doc)) {
            for (int i = 0; i < dv.docValueCount(); i++) {
                ordCounts[(int) dv.nextOrd()]++;
            }
        }
    }

    /** The counts of one leaf, by ordinal, added to the counts by value. */
    private static void addCounts(Map<String, SortedSetDocValues> values, Map<String, long[]> ordCounts,
                                  Map<String, Map<String, Long>> counts) throws IOException {
        for (var entry : ordCounts.entrySet()) {
            long[] ords = entry.getValue();
            SortedSetDocValues dv = values.get(entry.getKey());
            for (int ord = 0; ord < ords.length; ord++) {
                if (ords[ord] > 0) {
                    counts.computeIfAbsent(entry.getKey(), k -> new HashMap<>())
                            .merge(dv.lookupOrd(ord).utf8ToString(), ords[ord], Long::sum);
                }
            }
        }
    }

    /**
     * The facets but the status of these documents (top-level doc ids), read leaf by leaf in doc id
     * order as doc values are read.
     */
    private static Map<String, Map<String, Long>> count(IndexSearcher searcher, int[] docs) throws IOException {
        int[] sorted = docs.clone();
        Arrays.sort(sorted);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<String, Map<String, Long>> counts = new HashMap<>();
        int i = 0;
        while (i < sorted.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted[i], leaves));
            int end = leaf.docBase + leaf.reader().maxDoc();
            Map<String, SortedSetDocValues> values = new HashMap<>();
            Map<String, long[]> ordCounts = new HashMap<>();
            for (String facet : SEARCHED_FACETS) {
                SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), facet);
                values.put(facet, dv);
                ordCounts.put(facet, new long[(int) dv.getValueCount()]);
            }
            for (; i < sorted.length && sorted[i] < end; i++) {
                for (String facet : SEARCHED_FACETS) {
                    addValues(values.get(facet), sorted[i] - leaf.docBase, ordCounts.get(facet));
                }
            }
            addCounts(values, ordCounts, counts);
        }
        return counts;
    }

    /** The values of each facet as shown: years newest first, the others most frequent first; the first {@link #MAX_VALUES}. */
    private static Map<String, List<FacetCount>> lists(Map<String, Map<String, Long>> counts) {
        Map<String, List<FacetCount>> facets = new HashMap<>();
        counts.forEach((facet, byValue) -> {
            List<FacetCount> list = new ArrayList<>();
            byValue.forEach((value, n) -> list.add(LuceneSearchIndex.facet(facet, value, n)));
            Comparator<FacetCount> order = facet.equals(LuceneSearchIndex.YEAR)
                    ? Comparator.comparing(FacetCount::value).reversed()
                    : Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value);
            list.sort(order);
            facets.put(facet, List.copyOf(list.subList(0, Math.min(MAX_VALUES, list.size()))));
        });
        SearchResult.FACETS.forEach(f -> facets.putIfAbsent(f, List.of()));
        return facets;
    }

    static final class Manager implements CollectorManager<FacetCollector, Result> {

        private final Set<String> statuses;
        private final boolean everyFacet;

        private Manager(Set<String> statuses, boolean everyFacet) {
            this.statuses = statuses;
            this.everyFacet = everyFacet;
        }

        /** Every facet of every hit: exact facets. */
        static Manager exact(Set<String> statuses) {
            return new Manager(statuses, true);
        }

        /** The status facet and the total of every hit; the other facets come from {@link Result#withFacetsOf}. */
        static Manager statusAndTotal(Set<String> statuses) {
            return new Manager(statuses, false);
        }

        @Override
        public FacetCollector newCollector() {
            return new FacetCollector(statuses, everyFacet);
        }

        @Override
        public Result reduce(Collection<FacetCollector> collectors) {
            long total = 0;
            Map<String, Map<String, Long>> merged = new HashMap<>();
            for (FacetCollector c : collectors) {
                total += c.total;
                c.counts.forEach((facet, values) -> values.forEach((value, n) ->
                        merged.computeIfAbsent(facet, k -> new HashMap<>()).merge(value, n, Long::sum)));
            }
            return new Result(total, lists(merged), false);
        }
    }
}
