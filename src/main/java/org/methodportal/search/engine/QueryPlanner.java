package org.methodportal.search.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.methodportal.method.MethodStatus;
import org.methodportal.search.SearchRequest;
import org.methodportal.search.SearchSort;

/**
 * Turns a user's search into an {@link IndexQuery}: glossary synonyms both ways (at query time, so
 * glossary changes apply without reindexing) and pinyin readings of Latin input.
 */
public final class QueryPlanner {

    /** Alternatives beyond the typed text; more add little and cost query time. */
    static final int MAX_ALTERNATIVES = 8;

    private QueryPlanner() {
    }

    public static IndexQuery plan(SearchRequest request, Viewer viewer, List<GlossaryTerm> glossary) {
        String text = request.text();
        List<String> texts = text.isEmpty() ? List.of() : alternatives(text, glossary);
        Set<String> statuses = request.status() == null ? Set.of(MethodStatus.PUBLISHED.name())
                : Set.of(request.status().name());
        return new IndexQuery(texts, PinyinReader.syllables(text), PinyinReader.initials(text), statuses,
                request.category() == null ? null : request.category().name(), request.departmentId(),
                request.tag(), request.year(), viewer, request.sort() == SearchSort.NEWEST,
                request.page() * request.size(), request.size());
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
