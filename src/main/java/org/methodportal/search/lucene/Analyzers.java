package org.methodportal.search.lucene;

import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis of the embedded index. Every text field is indexed twice: as smartcn words (field
 * {@code f}) for meaning, and as CJK character bigrams (field {@code f.bi}, stored, with offsets
 * for highlighting) so that any part of a word matches ("对接" in "五对接"). Pinyin fields hold
 * space-separated syllables or initials. Values of a multi-valued field are 100 positions apart,
 * so a phrase never spans two measures or two tags.
 */
final class Analyzers {

    static final String BIGRAMS = ".bi";
    static final int VALUE_GAP = 100;

    private Analyzers() {
    }

    static Analyzer words() {
        return withGap(new SmartChineseAnalyzer(true));
    }

    static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(tokenizer);
                stream = new LowerCaseFilter(stream);
                stream = new CJKBigramFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(new CJKWidthFilter(in));
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return VALUE_GAP;
            }
        };
    }

    /** Words by default; bigram fields and pinyin fields by name. */
    static Analyzer perField(Iterable<String> textFields, String... whitespaceFields) {
        Analyzer bigrams = bigrams();
        Analyzer whitespace = withGap(new WhitespaceAnalyzer());
        Map<String, Analyzer> fields = new HashMap<>();
        textFields.forEach(f -> fields.put(f + BIGRAMS, bigrams));
        for (String f : whitespaceFields) {
            fields.put(f, whitespace);
        }
        return new PerFieldAnalyzerWrapper(words(), fields);
    }

    private static Analyzer withGap(Analyzer analyzer) {
        return new AnalyzerWrapper(analyzer.getReuseStrategy()) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return analyzer;
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return VALUE_GAP;
            }
        };
    }
}
