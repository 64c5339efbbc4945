package org.methodportal.search.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.methodportal.method.MethodStatus;
import org.methodportal.search.SearchRequest;

/**
 * Turns a user's search into an {@link IndexQuery}: the text in its searchable form
 * ({@link TextNormalizer}, cut at {@value QueryTerms#MAX_LENGTH} characters), glossary synonyms both
 * ways (at query time, so glossary changes apply without reindexing), pinyin readings of Latin
 * input, and never more than {@link QueryTerms#BUDGET} query terms whatever was typed.
 */
public final class QueryPlanner {

    /** Alternatives beyond the typed text; more add little and cost query time. */
    static final int MAX_ALTERNATIVES = 8;
    /** Characters searched of a long text without any word (each may be a term of its own). */
    static final int FALLBACK_LENGTH = 8;

    private QueryPlanner() {
    }

    /** No document frequencies: a text over the budget keeps its longest words. */
    private static final Function<Collection<String>, Map<String, Long>> NO_FREQUENCIES = words -> Map.of();

    public static IndexQuery plan(SearchRequest request, Viewer viewer, List<GlossaryTerm> glossary) {
        return plan(request, viewer, glossary, NO_FREQUENCIES);
    }

    /**
     * The query for a request; {@code documentFrequencies} (of words in the index) is asked only
     * when the text is too long for the budget, to keep its most informative words.
     */
    public static IndexQuery plan(SearchRequest request, Viewer viewer, List<GlossaryTerm> glossary,
                                  Function<Collection<String>, Map<String, Long>> documentFrequencies) {
        String text = searchable(request.text());
        List<QueryText> texts = text.isBlank() ? List.of() : texts(text, glossary, documentFrequencies);
        Set<String> statuses = request.status() == null ? Set.of(MethodStatus.PUBLISHED.name())
                : Set.of(request.status().name());
        return new IndexQuery(texts, PinyinReader.syllables(text), PinyinReader.initials(text), statuses,
                request.category() == null ? null : request.category().name(), request.departmentId(),
                request.tag(), request.year(), request.adopted(), viewer, request.sort(),
                request.page() * request.size(), request.size(), null);
    }

    /** The text as the index holds text: normalised and cut. */
    public static String searchable(String typed) {
        return QueryTerms.cut(TextNormalizer.normalize(typed)).strip();
    }

    /**
     * The readings of the text within the budget: the text itself (its most informative words when
     * it alone would take more than {@link QueryTerms#TEXT_BUDGET}), then the glossary alternatives
     * that still fit.
     */
    static List<QueryText> texts(String text, List<GlossaryTerm> glossary,
                                 Function<Collection<String>, Map<String, Long>> documentFrequencies) {
        String primary = text;
        if (QueryTerms.cost(QueryText.of(primary)) > QueryTerms.TEXT_BUDGET) {
            primary = QueryTerms.informative(text, documentFrequencies);
            if (primary.isBlank()) {
                // no word of two characters (a paste of signs or single letters): its start only
                primary = text.substring(0, text.offsetByCodePoints(0, Math.min(FALLBACK_LENGTH,
                        text.codePointCount(0, text.length()))));
            }
        }
        List<QueryText> texts = new ArrayList<>();
        int cost = 0;
        for (String alternative : alternatives(primary, glossary)) {
            QueryText reading = QueryText.of(alternative);
            int more = QueryTerms.cost(reading);
            if (texts.isEmpty() || cost + more <= QueryTerms.BUDGET) {
                texts.add(reading);
                cost += more;
            }
        }
        return texts;
    }

    /**
     * The text first, then the text with each glossary term it contains replaced by the other
     * members of that term's group (standard ↔ variants). Longer members win over members they
     * contain ("主题党日" over "党日").
     */
    public static List<String> alternatives(String text, List<GlossaryTerm> glossary) {
        Set<String> result = new LinkedHashSet<>();
        result.add(text);
        List<List<String>> groups = glossary.stream().map(t -> {
            List<String> members = new ArrayList<>();
            members.add(t.standard());
            members.addAll(t.variants());
            return members;
        }).toList();
        record Member(String text, List<String> group) {
        }
        List<Member> members = new ArrayList<>();
        groups.forEach(g -> g.forEach(m -> members.add(new Member(m, g))));
        members.sort(Comparator.comparingInt((Member m) -> m.text().length()).reversed());
        boolean[] covered = new boolean[text.length()];
        for (Member member : members) {
            int at = text.indexOf(member.text());
            while (at >= 0) {
                if (!anyCovered(covered, at, member.text().length())) {
                    java.util.Arrays.fill(covered, at, at + member.text().length(), true);
                    for (String other : member.group()) {
                        if (!other.equals(member.text()) && result.size() <= MAX_ALTERNATIVES) {
                            result.add(text.substring(0, at) + other + text.substring(at + member.text().length()));
                        }
                    }
                }
                at = text.indexOf(member.text(), at + 1);
            }
        }
        return List.copyOf(result);
    }

    private static boolean anyCovered(boolean[] covered, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (covered[i]) {
                return true;
            }
        }
        return false;
    }
}
