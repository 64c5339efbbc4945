package org.methodportal.search.lucene;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.methodportal.search.engine.IndexQuery;

/** The Lucene query a planned search becomes, measured the way IndexSearcher limits it. */
public final class LuceneQueries {

    private LuceneQueries() {
    }

    /** Clauses of the text query as IndexSearcher counts them against its maxClauseCount: one per leaf. */
    public static int clauses(LuceneSearchIndex index, IndexQuery query) {
        Query main = index.mainQuery(query);
        int[] count = {0};
        main.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }

            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                count[0]++;
            }

            @Override
            public void visitLeaf(Query leaf) {
                count[0]++;
            }
        });
        return count[0];
    }
}
