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

    /** The text with each finding's variant replaced by its standard term; findings must come from this text. */
    public static String replace(String text, List<Finding> findings) {
        StringBuilder result = new StringBuilder(text);
        findings.stream().sorted(Comparator.comparingInt(Finding::start).reversed())
                .forEach(f -> result.replace(f.start(), f.end(), f.standard()));
        return result.toString();
    }
}
