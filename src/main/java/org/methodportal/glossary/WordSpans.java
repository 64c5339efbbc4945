package org.methodportal.glossary;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The words of a Chinese text as the smartcn segmenter cuts them (its dictionary and hidden Markov
 * model), as {@code [start, end)} offsets: what tells a variant standing as a word ("找党员谈心")
 * from the same characters inside a longer one ("谈谈心" is 谈谈 + 心).
 */
final class WordSpans {

    record Span(int start, int end) {
        int length() {
            return end - start;
        }
    }

    private WordSpans() {
    }

    static List<Span> of(String text) {
        List<Span> spans = new ArrayList<>();
        try (HMMChineseTokenizer tokenizer = new HMMChineseTokenizer()) {
            tokenizer.setReader(new StringReader(text));
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                spans.add(new Span(offset.startOffset(), offset.endOffset()));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spans;
    }
}
