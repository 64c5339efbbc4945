package org.methodportal.method;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/**
 * Inline diff of two texts at a granularity that reads well for Chinese: each Han character is a
 * token (Chinese has no spaces to find words by), runs of other letters and digits are one token
 * (so "Excel" changes as a word), and each punctuation mark or whitespace run is a token.
 */
public final class InlineDiff {

    private InlineDiff() {
    }

    /** The segments that turn {@code from} into {@code to}; null counts as empty text. */
    public static List<Segment> between(@Nullable String from, @Nullable String to) {
        return Chunks.toSegments(Chunks.cleanUp(rawChunks(text(from), text(to))));
    }

    /**
     * Share of characters the two texts have in common (Dice coefficient over the token diff),
     * from 0 (nothing) to 1 (identical).
     */
    static double similarity(String from, String to) {
        int total = length(from) + length(to);
        if (total == 0) {
            return 1;
        }
        int common = rawChunks(from, to).stream()
                .filter(c -> c instanceof Chunks.Equal)
                .mapToInt(c -> length(((Chunks.Equal) c).text()))
                .sum();
        return 2.0 * common / total;
    }

    static List<String> tokenise(String text) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int codePoint = text.codePointAt(start);
            int end = start + Character.charCount(codePoint);
            TokenClass tokenClass = TokenClass.of(codePoint);
            if (tokenClass.runs) {
                while (end < text.length() && TokenClass.of(text.codePointAt(end)) == tokenClass) {
                    end += Character.charCount(text.codePointAt(end));
                }
            }
            tokens.add(text.substring(start, end));
            start = end;
        }
        return tokens;
    }

    private static List<Chunks.Chunk> rawChunks(String from, String to) {
        List<String> source = tokenise(from);
        List<String> target = tokenise(to);
        List<Chunks.Chunk> chunks = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(source, target).getDeltas()) {
            int position = delta.getSource().getPosition();
            Chunks.appendEqual(chunks, String.join("", source.subList(next, position)));
            Chunks.appendEdit(chunks, String.join("", delta.getSource().getLines()),
                    String.join("", delta.getTarget().getLines()));
            next = position + delta.getSource().size();
        }
        Chunks.appendEqual(chunks, String.join("", source.subList(next, source.size())));
        return chunks;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private enum TokenClass {
        HAN(false), WORD(true), SPACE(true), OTHER(false);

        /** Whether neighbouring characters of this class form one token. */
        final boolean runs;

        TokenClass(boolean runs) {
            this.runs = runs;
        }

        static TokenClass of(int codePoint) {
            if (Character.isIdeographic(codePoint)
                    || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
                return HAN;
            }
            if (Character.isLetterOrDigit(codePoint)) {
                return WORD;
            }
            return Character.isWhitespace(codePoint) ? SPACE : OTHER;
        }
    }
}
