package org.methodportal.search.lucene;

import java.util.Collection;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the matches of a query up to a bound and stops there, in every segment: whether a text
 * finds at least a few methods is known after the first few matches, while counting all of them
 * means visiting every one (tens of thousands for a short text in a large portal).
 */
final class CountUpTo implements CollectorManager<CountUpTo.Counter, Long> {

    private final long atMost;

    CountUpTo(long atMost) {
        this.atMost = atMost;
    }

    @Override
    public Counter newCollector() {
        return new Counter(atMost);
    }

    @Override
    public Long reduce(Collection<Counter> counters) {
        return Math.min(atMost, counters.stream().mapToLong(c -> c.count).sum());
    }

    static final class Counter implements Collector {

        private final long atMost;
        private long count;

        Counter(long atMost) {
            this.atMost = atMost;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            if (count >= atMost) {
                throw new CollectionTerminatedException();
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // counting needs no score
                }

                @Override
                public void collect(int doc) {
                    if (++count >= atMost) {
                        throw new CollectionTerminatedException();
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
