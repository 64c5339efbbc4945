package org.methodportal.search.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.methodportal.search.FacetCount;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchResult;

/**
 * "您是不是要找" for a search without hits: a glossary term, method name, title or tag that sounds
 * the same (同音字: "五对节" → 五对接) or nearly so in pinyin ("sanshensanhu" → 三审三核). Candidates
 * come from the glossary and from the index through the port (a pinyin-only search and the title
 * suggestions), so every adapter corrects alike. Failing that, the words that find something on
 * their own are offered without the others. Only a correction that finds something is offered.
 */
public final class DidYouMean {

    /** Hits of the pinyin probe whose titles and tags are candidates. */
    private static final int PROBE_HITS = 5;
    /** Titles sharing the first syllables that are candidates. */
    private static final int PREFIX_TITLES = 10;
    private static final String METHOD_SUFFIX = "工作法";
    /** Space-separated words tried one by one; a longer text is not worth as many searches. */
    private static final int MAX_WORDS = 5;

    private DidYouMean() {
    }

    /**
     * The candidate nearest to the text in pinyin, if near enough (a homophone, or one letter off
     * per six of pinyin, at most two) and {@code findsSomething}; empty otherwise.
     */
    public static Optional<String> suggest(SearchIndex index, String text, Viewer viewer, List<GlossaryTerm> glossary,
                                           Predicate<String> findsSomething) {
        String typed = text.strip();
        List<String> syllables = hasLatin(typed) ? PinyinReader.syllables(typed) : PinyinReadings.preferred(typed);
        String key = syllables.isEmpty() ? compact(typed) : String.join("", syllables);
        if (key.length() < 2) {
            return Optional.empty();
        }
        int allowed = key.length() <= 4 ? 0 : Math.clamp(key.length() / 6, 1, 2);
        record Candidate(String text, int distance) {
        }
        List<Candidate> ranked = new ArrayList<>();
        for (String candidate : candidates(index, typed, syllables, viewer, glossary)) {
            if (candidate.equals(typed) || compact(candidate).equals(compact(typed))) {
                continue;
            }
            // lengths further apart than allowed cannot be near: no edit distance needed (long input)
            int distance = PinyinReadings.readings(candidate).stream().map(r -> String.join("", r))
                    .filter(r -> Math.abs(r.length() - key.length()) <= allowed)
                    .mapToInt(r -> levenshtein(key, r)).min().orElse(Integer.MAX_VALUE);
            if (distance <= allowed) {
                ranked.add(new Candidate(candidate, distance));
            }
        }
        Optional<String> sounding = ranked.stream()
                .sorted(java.util.Comparator.comparingInt(Candidate::distance)
                        .thenComparingInt(c -> Math.abs(c.text().length() - typed.length())))
                .map(Candidate::text).filter(findsSomething).findFirst();
        return sounding.isPresent() ? sounding : withoutUnknownWords(typed, findsSomething);
    }

    /** "楼栋议事 完全不存在的说法" → "楼栋议事": the space-separated words that find something on their own, if fewer. */
    private static Optional<String> withoutUnknownWords(String typed, Predicate<String> findsSomething) {
        List<String> words = List.of(typed.split("\\s+"));
        if (words.size() < 2 || words.size() > MAX_WORDS) {
            return Optional.empty();
        }
        List<String> known = words.stream().filter(findsSomething).toList();
        String shorter = String.join(" ", known);
        return known.isEmpty() || known.size() == words.size() || !findsSomething.test(shorter) ? Optional.empty()
                : Optional.of(shorter);
    }

    private static Set<String> candidates(SearchIndex index, String typed, List<String> syllables, Viewer viewer,
                                          List<GlossaryTerm> glossary) {
        Set<String> candidates = new LinkedHashSet<>();
        glossary.forEach(t -> {
            candidates.add(t.standard());
            candidates.addAll(t.variants());
        });
        if (syllables.isEmpty()) {
            return candidates;
        }
        // Same sound: titles and tags whose pinyin holds the syllables as a phrase.
        SearchResult probe = index.search(new IndexQuery(List.of(), syllables, null, Set.of("PUBLISHED"), null, null,
                null, null, viewer, false, 0, PROBE_HITS));
        probe.hits().forEach(h -> addTitle(candidates, h, syllables.size()));
        probe.facets().getOrDefault("tag", List.of()).stream().map(FacetCount::value).forEach(candidates::add);
        // Nearly the same: titles starting with the same syllables.
        String prefix = String.join("", syllables.subList(0, Math.min(2, syllables.size())));
        index.suggestTitles(typed, prefix, viewer, PREFIX_TITLES).forEach(h -> addTitle(candidates, h, syllables.size()));
        return candidates;
    }

    /** The title, its name ("“三审三核”工作法" → 三审三核) and the runs of its name as long as the text. */
    private static void addTitle(Set<String> candidates, SearchHit hit, int length) {
        String title = IndexDocument.titleKey(hit.title());
        String name = title.endsWith(METHOD_SUFFIX) && title.length() > METHOD_SUFFIX.length()
                ? title.substring(0, title.length() - METHOD_SUFFIX.length()) : title;
        candidates.add(name);
        candidates.add(title);
        if (name.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            for (int from = 0; from + length <= name.length(); from++) {
                candidates.add(name.substring(from, from + length));
            }
        }
    }

    private static boolean hasLatin(String text) {
        return text.toLowerCase(Locale.ROOT).chars().anyMatch(c -> c >= 'a' && c <= 'z');
    }

    private static String compact(String text) {
        return IndexDocument.titleKey(text);
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
