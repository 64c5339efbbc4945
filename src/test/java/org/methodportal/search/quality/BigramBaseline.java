package org.methodportal.search.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.methodportal.search.engine.IndexDocument;

/**
 * The comparison point: plain BM25 over character bigrams of all text of an entry in one field,
 * any bigram may match; no field weights, phrases, synonyms or pinyin.
 */
final class BigramBaseline implements AutoCloseable {

    private static final String TEXT = "text";
    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(tokenizer)));
            return new TokenStreamComponents(tokenizer, stream);
        }
    };
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;

    BigramBaseline(List<IndexDocument> documents) throws IOException {
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (IndexDocument d : documents) {
                var doc = new Document();
                doc.add(new StoredField("externalId", d.externalId()));
                List<String> text = new ArrayList<>(List.of(d.title()));
                text.addAll(d.tags());
                for (String value : new String[] {d.summary(), d.problem(), d.concept(), d.outcomes(),
                        d.applicability(), d.body(), d.rawPractice()}) {
                    if (value != null) {
                        text.add(value);
                    }
                }
                text.addAll(d.measures());
                text.addAll(d.steps());
                doc.add(new TextField(TEXT, String.join("\n", text), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(directory);
    }

    List<String> search(String text, int limit) {
        Query query = new QueryBuilder(analyzer).createBooleanQuery(TEXT, text, Occur.SHOULD);
        if (query == null) {
            return List.of();
        }
        try {
            var searcher = new IndexSearcher(reader);
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get("externalId"));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
