package org.methodportal.glossary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Finds variants (地方话) of glossary terms in a text. Longest match first, left to right, without
 * overlaps; an occurrence that lies inside an occurrence of a standard term is left alone, so
 * "先锋岗" is not flagged inside "党员先锋岗". Immutable; build a new one when the glossary changes.
 */
public final class GlossaryMatcher {

    private final Map<String, StandardTerm> byVariant = new HashMap<>();
    private final List<String> variants;
    private final List<String> standards;

    public GlossaryMatcher(List<StandardTerm> terms) {
        List<String> standardList = new ArrayList<>();
        for (StandardTerm term : terms) {
            standardList.add(term.standard());
            for (String variant : term.variants()) {
                if (!variant.isEmpty() && !variant.equals(term.standard())) {
                    byVariant.putIfAbsent(variant, term);
                }
            }
        }
        Comparator<String> longestFirst = Comparator.comparingInt(String::length).reversed();
        variants = byVariant.keySet().stream().sorted(longestFirst.thenComparing(Comparator.naturalOrder())).toList();
        standards = standardList.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** The variants in {@code text}, in text order. */
    public List<Finding> find(String text) {
        boolean[] protectedChars = new boolean[text.length()];
        for (String standard : standards) {
            for (int at = text.indexOf(standard); at >= 0; at = text.indexOf(standard, at + 1)) {
                for (int i = at; i < at + standard.length(); i++) {
                    protectedChars[i] = true;
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            String match = longestVariantAt(text, i, protectedChars);
            if (match == null) {
                i++;
                continue;
            }
            StandardTerm term = byVariant.get(match);
            findings.add(new Finding(null, i, i + match.length(), match, term.standard(), term.definition()));
            i += match.length();
        }
        return List.copyOf(findings);
    }

    private @Nullable String longestVariantAt(String text, int at, boolean[] protectedChars) {
        for (String variant : variants) {
            if (text.startsWith(variant, at) && !touchesProtected(protectedChars, at, at + variant.length())) {
                return variant;
            }
        }
        return null;
    }

    private static boolean touchesProtected(boolean[] protectedChars, int start, int end) {
        for (int i = start; i < end; i++) {
            if (protectedChars[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a replace-all would do to {@code text} with these of its findings (in text order): each
     * variant that stands as a word becomes its standard term, left to right. A finding is left
     * alone when a longer word crosses its edges (a word of the segmenter, unless glossary terms
     * found in the text cover that word: the glossary is the segmenter's user dictionary) or it
     * ends a reduplicated verb ("谈谈心", which the segmenter may cut as 谈 + 谈心), or when its
     * standard term would then stand next to itself, with at most punctuation between.
     */
    public ReplacementPlan plan(String text, List<Finding> findings) {
        List<int[]> known = knownTermSpans(text);
        List<WordSpans.Span> words = WordSpans.of(text);
        List<Finding> replaced = new ArrayList<>();
        List<ReplacementPlan.Skipped> skipped = new ArrayList<>();
        StringBuilder result = new StringBuilder(text);
        int shift = 0;
        for (Finding f : findings.stream().sorted(Comparator.comparingInt(Finding::start)).toList()) {
            if (cutsAWord(f, words, known) || reduplicated(text, f)) {
                skipped.add(new ReplacementPlan.Skipped(f, ReplacementPlan.Reason.INSIDE_WORD));
                continue;
            }
            int at = f.start() + shift;
            String candidate = new StringBuilder(result).replace(at, f.end() + shift, f.standard()).toString();
            if (standsTwice(candidate, at, f.standard())) {
                skipped.add(new ReplacementPlan.Skipped(f, ReplacementPlan.Reason.DOUBLED));
                continue;
            }
            result.replace(at, f.end() + shift, f.standard());
            shift += f.standard().length() - f.variant().length();
            replaced.add(f);
        }
        return new ReplacementPlan(text, result.toString(), replaced, skipped);
    }

    /** Where glossary terms (standard and variant) occur in the text, overlapping or not. */
    private List<int[]> knownTermSpans(String text) {
        List<int[]> spans = new ArrayList<>();
        for (List<String> terms : List.of(standards, variants)) {
            for (String term : terms) {
                for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
                    spans.add(new int[] {at, at + term.length()});
                }
            }
        }
        return spans;
    }

    private static boolean cutsAWord(Finding f, List<WordSpans.Span> words, List<int[]> known) {
        for (WordSpans.Span word : words) {
            boolean crossesStart = word.start() < f.start() && f.start() < word.end();
            boolean crossesEnd = word.start() < f.end() && f.end() < word.end();
            if ((crossesStart || crossesEnd) && word.length() > 1 && !coveredByKnownTerms(word, known)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the finding's first character is doubled before it, as in 谈谈心 or 聊聊天. */
    private static boolean reduplicated(String text, Finding f) {
        char first = f.variant().charAt(0);
        return f.start() > 0 && text.charAt(f.start() - 1) == first && Character.isIdeographic(first);
    }

    private static boolean coveredByKnownTerms(WordSpans.Span word, List<int[]> known) {
        for (int i = word.start(); i < word.end(); i++) {
            int at = i;
            if (known.stream().noneMatch(span -> span[0] <= at && at < span[1])) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code standard}, written at {@code at}, follows or precedes itself with at most punctuation between. */
    private static boolean standsTwice(String text, int at, String standard) {
        int before = at;
        while (before > 0 && isPunctuationOrSpace(text.charAt(before - 1))) {
            before--;
        }
        int after = at + standard.length();
        while (after < text.length() && isPunctuationOrSpace(text.charAt(after))) {
            after++;
        }
        return before >= standard.length() && text.startsWith(standard, before - standard.length())
                || text.startsWith(standard, after);
    }

    private static boolean isPunctuationOrSpace(char c) {
        return switch (Character.getType(c)) {
            case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                 Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.DASH_PUNCTUATION,
                 Character.CONNECTOR_PUNCTUATION, Character.SPACE_SEPARATOR -> true;
            default -> Character.isWhitespace(c);
        };
    }

    /** The text with each finding's variant replaced by its standard term; findings must come from this text. */
    public static String replace(String text, List<Finding> findings) {
        StringBuilder result = new StringBuilder(text);
        findings.stream().sorted(Comparator.comparingInt(Finding::start).reversed())
                .forEach(f -> result.replace(f.start(), f.end(), f.standard()));
        return result.toString();
    }
}
