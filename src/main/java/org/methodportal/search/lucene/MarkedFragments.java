package org.methodportal.search.lucene;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighted passages as HTML-escaped text with {@code <mark>} around matches: the only
 * markup a fragment ever contains, whatever the document or the query holds. Overlapping matches
 * (bigrams overlap by one character) are merged into one mark.
 */
final class MarkedFragments extends PassageFormatter {

    /** Separator of values of a multi-valued field inside a passage (Lucene joins them with U+2029). */
    static final String VALUE_SEPARATOR = " / ";

    @Override
    public Object format(Passage[] passages, String content) {
        List<String> fragments = new ArrayList<>(passages.length);
        for (Passage passage : passages) {
            fragments.add(format(passage, content));
        }
        return fragments;
    }

    private static String format(Passage passage, String content) {
        var out = new StringBuilder();
        int pos = passage.getStartOffset();
        int[] starts = passage.getMatchStarts();
        int[] ends = passage.getMatchEnds();
        int i = 0;
        while (i < passage.getNumMatches()) {
            int start = Math.max(starts[i], pos);
            int end = ends[i];
            // matches come sorted by start; merge those touching or overlapping this one
            while (i + 1 < passage.getNumMatches() && starts[i + 1] <= end) {
                end = Math.max(end, ends[++i]);
            }
            i++;
            if (end <= start) {
                continue;
            }
            escape(content, pos, start, out);
            out.append("<mark>");
            escape(content, start, end, out);
            out.append("</mark>");
            pos = end;
        }
        escape(content, pos, passage.getEndOffset(), out);
        return out.toString().strip();
    }

    static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\u2029' -> out.append(VALUE_SEPARATOR);
                default -> out.append(c);
            }
        }
    }
}
