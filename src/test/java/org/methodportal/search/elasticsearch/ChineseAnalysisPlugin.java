package org.methodportal.search.elasticsearch;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Test node support: the analysis a production cluster offers under the same names: {@code smartcn}
 * and {@code smartcn_tokenizer} (the official analysis-smartcn plugin), {@code cjk}, and the
 * filters {@code lowercase}, {@code cjk_width}, {@code cjk_bigram} (the analysis-common module,
 * which is bundled with every distribution but not published for an embedded node).
 */
public class ChineseAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("smartcn_tokenizer", (index, env, name, settings) -> new AbstractTokenizerFactory(name) {
            @Override
            public Tokenizer create() {
                return new HMMChineseTokenizer();
            }
        });
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of("lowercase", filter(LowerCaseFilter::new), "cjk_width", filter(CJKWidthFilter::new),
                "cjk_bigram", filter(CJKBigramFilter::new));
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("smartcn", analyzer(() -> new SmartChineseAnalyzer(SmartChineseAnalyzer.getDefaultStopSet())),
                "cjk", analyzer(CJKAnalyzer::new));
    }

    private static AnalysisProvider<TokenFilterFactory> filter(java.util.function.UnaryOperator<TokenStream> filter) {
        return (index, env, name, settings) -> new AbstractTokenFilterFactory(name) {
            @Override
            public TokenStream create(TokenStream input) {
                return filter.apply(input);
            }
        };
    }

    private static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> analyzer(
            java.util.function.Supplier<Analyzer> analyzer) {
        return (index, env, name, settings) -> new AbstractIndexAnalyzerProvider<>(name) {
            private final Analyzer instance = analyzer.get();

            @Override
            public Analyzer get() {
                return instance;
            }
        };
    }
}
