package org.methodportal.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.methodportal.search.FacetCount;
import org.methodportal.search.SearchResult;

/**
 * Counts the facets of every hit in one pass over the doc values. It runs on the query without the
 * status filter: the status facet counts every status, the other facets and the total only the
 * hits in the statuses searched.
 */
final class FacetCollector implements Collector {

    /** Facet values shown per facet; tags can be many. */
    static final int MAX_VALUES = 30;

    private final Set<String> statuses;
    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private long total;

    FacetCollector(Set<String> statuses) {
        this.statuses = statuses;
        SearchResult.FACETS.forEach(f -> counts.put(f, new HashMap<>()));
    }

    record Result(long total, Map<String, List<FacetCount>> counts) {
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
                for (String facet : SearchResult.FACETS) {
                    if (facet.equals(LuceneSearchIndex.STATUS)) {
                        continue;
                    }
                    SortedSetDocValues dv = values.get(facet);
                    if (dv.advanceExact(doc)) {
                        for (int i = 0; i < dv.docValueCount(); i++) {
                            ordCounts.get(facet)[(int) dv.nextOrd()]++;
                        }
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                for (String facet : SearchResult.FACETS) {
                    long[] ords = ordCounts.get(facet);
                    SortedSetDocValues dv = values.get(facet);
                    for (int ord = 0; ord < ords.length; ord++) {
                        if (ords[ord] > 0) {
                            counts.get(facet).merge(dv.lookupOrd(ord).utf8ToString(), ords[ord], Long::sum);
                        }
                    }
                }
            }
        };
    }

    static final class Manager implements CollectorManager<FacetCollector, Result> {

        private final Set<String> statuses;

        Manager(Set<String> statuses) {
            this.statuses = statuses;
        }

        @Override
        public FacetCollector newCollector() {
            return new FacetCollector(statuses);
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
            Map<String, List<FacetCount>> facets = new HashMap<>();
            for (String facet : SearchResult.FACETS) {
                List<FacetCount> list = new ArrayList<>();
                merged.getOrDefault(facet, Map.of()).forEach((value, n) -> list.add(LuceneSearchIndex.facet(facet, value, n)));
                Comparator<FacetCount> order = facet.equals(LuceneSearchIndex.YEAR)
                        ? Comparator.comparing(FacetCount::value).reversed()
                        : Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value);
                list.sort(order);
                facets.put(facet, List.copyOf(list.subList(0, Math.min(MAX_VALUES, list.size()))));
            }
            return new Result(total, facets);
        }
    }
}
