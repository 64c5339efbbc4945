package org.methodportal.search.lucene;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.methodportal.search.engine.Snippets;

/**
 * Formats highlighted passages as HTML-escaped text with {@code <mark>} around matches: the only
 * markup a fragment ever contains, whatever the document or the query holds ({@link Snippets}: values of
 * a multi-valued field, which Lucene joins with NUL, are separated by " / "). Overlapping matches
 * (bigrams overlap by one character) are merged into one mark.
 */
final class MarkedFragments extends PassageFormatter {

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
            Snippets.escape(content, pos, start, out);
            out.append("<mark>");
            Snippets.escape(content, start, end, out);
            out.append("</mark>");
            pos = end;
        }
        Snippets.escape(content, pos, passage.getEndOffset(), out);
        return Snippets.trim(out);
    }
}
