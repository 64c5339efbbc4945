package org.methodportal.method.diff;

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

    /** Tokens (both sides together) up to which a text is diffed character by character in one go. */
    static final int FINE_LIMIT = 2000;
    private static final String SENTENCE_ENDS = "。！？；!?;\n";

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
        // A common start and end cost nothing to find and keep the part left to diff small.
        int prefix = 0;
        while (prefix < source.size() && prefix < target.size() && source.get(prefix).equals(target.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < source.size() - prefix && suffix < target.size() - prefix
                && source.get(source.size() - 1 - suffix).equals(target.get(target.size() - 1 - suffix))) {
            suffix++;
        }
        Chunks.appendEqual(chunks, String.join("", source.subList(0, prefix)));
        middle(chunks, source.subList(prefix, source.size() - suffix), target.subList(prefix, target.size() - suffix));
        Chunks.appendEqual(chunks, String.join("", source.subList(source.size() - suffix, source.size())));
        return chunks;
    }

    private static void middle(List<Chunks.Chunk> chunks, List<String> source, List<String> target) {
        if (source.size() + target.size() <= FINE_LIMIT) {
            diff(chunks, source, target, Chunks::appendEdit);
        } else {
            // Myers' cost grows with the product of length and difference: two rewritten 10,000-character
            // bodies take seconds. Long texts are diffed by sentence first and only small changed
            // passages character by character; a large rewritten passage is shown replaced as a whole.
            diff(chunks, sentences(String.join("", source)), sentences(String.join("", target)),
                    (into, deleted, inserted) -> {
                        if (tokenise(deleted).size() + tokenise(inserted).size() <= FINE_LIMIT) {
                            diff(into, tokenise(deleted), tokenise(inserted), Chunks::appendEdit);
                        } else {
                            Chunks.appendEdit(into, deleted, inserted);
                        }
                    });
        }
    }

    /** Appends the equal runs of {@code source} and {@code target} and hands each delta to {@code edit}. */
    private static void diff(List<Chunks.Chunk> chunks, List<String> source, List<String> target, EditSink edit) {
        int next = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(source, target).getDeltas()) {
            int position = delta.getSource().getPosition();
            Chunks.appendEqual(chunks, String.join("", source.subList(next, position)));
            edit.append(chunks, String.join("", delta.getSource().getLines()),
                    String.join("", delta.getTarget().getLines()));
            next = position + delta.getSource().size();
        }
        Chunks.appendEqual(chunks, String.join("", source.subList(next, source.size())));
    }

    /** Sentences and lines, each with its closing mark, so that joining them gives the text back. */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                sentences.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            sentences.add(text.substring(start));
        }
        return sentences;
    }

    @FunctionalInterface
    private interface EditSink {
        void append(List<Chunks.Chunk> chunks, String deleted, String inserted);
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
