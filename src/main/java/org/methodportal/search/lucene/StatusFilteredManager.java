package org.methodportal.search.lucene;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Passes to a collector only the hits in the statuses searched, read from the status doc values.
 * The facet pass must see every status (the status facet counts them all) while the page shows
 * only the statuses searched: with this filter both are collected in one pass over the matches
 * instead of running the query twice, the second time with the status as a query filter.
 */
final class StatusFilteredManager<C extends Collector, T> implements CollectorManager<StatusFilteredManager.Filtered<C>, T> {

    private final Set<String> statuses;
    private final CollectorManager<C, T> delegate;

    StatusFilteredManager(Set<String> statuses, CollectorManager<C, T> delegate) {
        this.statuses = statuses;
        this.delegate = delegate;
    }

    @Override
    public Filtered<C> newCollector() throws IOException {
        return new Filtered<>(delegate.newCollector(), statuses);
    }

    @Override
    public T reduce(Collection<Filtered<C>> collectors) throws IOException {
        return delegate.reduce(collectors.stream().map(c -> c.inner).toList());
    }

    static final class Filtered<C extends Collector> extends FilterCollector {

        private final C inner;
        private final Set<String> statuses;

        Filtered(C inner, Set<String> statuses) {
            super(inner);
            this.inner = inner;
            this.statuses = statuses;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues status = DocValues.getSortedSet(context.reader(), LuceneSearchIndex.STATUS);
            var wanted = new FixedBitSet((int) Math.max(1, status.getValueCount()));
            for (String s : statuses) {
                long ord = status.lookupTerm(new BytesRef(s));
                if (ord >= 0) {
                    wanted.set((int) ord);
                }
            }
            return new FilterLeafCollector(super.getLeafCollector(context)) {
                @Override
                public void collect(int doc) throws IOException {
                    if (status.advanceExact(doc) && wanted.get((int) status.nextOrd())) {
                        in.collect(doc);
                    }
                }
            };
        }
    }
}
