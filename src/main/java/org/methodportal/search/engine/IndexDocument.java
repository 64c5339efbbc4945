package org.methodportal.search.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MarkdownRenderer;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodDocument;

/**
 * A method as an adapter indexes it: text fields by weight, facet values, the visibility facts,
 * and the pinyin of title and tags computed here, so both adapters index the same keys.
 *
 * @param pinyin   per title and tag its readings ({@link PinyinReadings}), syllables separated by spaces
 *                 ("wu dui jie"); the first value is the preferred reading of the title
 * @param initials the first letters of those readings, separated by spaces ("w d j"), without repeats
 * @param vector   the embedding of its {@link #semanticText()} ({@link Embedder}), or null when there is none
 *                 (semantic leg off, not computed yet): the document is then found by its words only
 * @param adoptions how many branches use it now (推广采用), for "most adopted first" and 已被采用
 */
public record IndexDocument(long id, @Nullable String externalId, String status, long ownerId, long departmentId,
                            String departmentName, String category, int year, Instant createdAt, String title,
                            List<String> tags, @Nullable String summary, String problem, @Nullable String concept,
                            List<String> measures, List<String> steps, @Nullable String outcomes,
                            @Nullable String applicability, @Nullable String body, @Nullable String rawPractice,
                            List<String> pinyin, List<String> initials, float @Nullable [] vector, int adoptions) {

    /** The same document with this embedding. */
    public IndexDocument withVector(float @Nullable [] embedding) {
        return new IndexDocument(id, externalId, status, ownerId, departmentId, departmentName, category, year,
                createdAt, title, tags, summary, problem, concept, measures, steps, outcomes, applicability, body,
                rawPractice, pinyin, initials, embedding, adoptions);
    }

    /**
     * What the embedding of a method is computed from: title, summary, problem and concept, the
     * parts that say what it is for (the measures and steps say how, and would drown that).
     */
    public String semanticText() {
        return SemanticText.of(title, summary, problem, concept);
    }

    /** The {@link #semanticText()} of a method's content, without building its whole document. */
    public static String semanticText(MethodContent content) {
        return SemanticText.of(TextNormalizer.normalize(content.title()), searchableOrNull(content.summary()),
                searchable(content.problem()), searchableOrNull(content.concept()));
    }

    /**
     * Text fields and their weights, the same in every adapter: title ≫ tags, summary ≫ problem,
     * concept ≫ measures, steps, outcomes ≫ the rest.
     */
    public static final Map<String, Float> WEIGHTS = Map.ofEntries(Map.entry("title", 10f), Map.entry("tags", 5f),
            Map.entry("summary", 4f), Map.entry("problem", 2f), Map.entry("concept", 2f), Map.entry("measures", 1f),
            Map.entry("steps", 1f), Map.entry("outcomes", 1f), Map.entry("applicability", 0.8f),
            Map.entry("body", 0.8f), Map.entry("rawPractice", 0.3f));

    /** Year facet and filter follow the calendar of the portal's users. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * The document of a method as every adapter indexes it: each text in its searchable form
     * ({@link #searchable}), so that both engines hold the same text and a traditional or
     * full-width search finds it.
     */
    public static IndexDocument of(MethodDocument d) {
        var c = d.content();
        // titles and tags are short plain text as typed: normalised, never read as markup
        String title = TextNormalizer.normalize(c.title());
        List<String> tags = c.tags().stream().map(TextNormalizer::normalize).toList();
        List<String> pinyin = new ArrayList<>();
        List<String> initials = new ArrayList<>();
        for (String value : concat(title, tags)) {
            for (List<String> syllables : PinyinReadings.readings(value)) {
                if (!syllables.isEmpty()) {
                    addOnce(pinyin, String.join(" ", syllables));
                    addOnce(initials, String.join(" ", syllables.stream().map(s -> s.substring(0, 1)).toList()));
                }
            }
        }
        return new IndexDocument(d.id(), d.externalId(), d.status().name(), d.ownerId(), d.originDepartmentId(),
                d.departmentName(), c.category().name(), d.createdAt().atZone(ZONE).getYear(), d.createdAt(),
                title, tags, searchableOrNull(c.summary()), searchable(c.problem()), searchableOrNull(c.concept()),
                c.measures().stream().map(IndexDocument::searchable).toList(),
                c.steps().stream().map(IndexDocument::searchable).toList(), searchableOrNull(c.outcomes()),
                searchableOrNull(c.applicability()), searchableOrNull(c.body()), searchableOrNull(d.rawPractice()),
                pinyin, initials, null, d.adoptingBranches());
    }

    /**
     * A text as it is indexed and highlighted: the plain text a reader sees (Markdown and HTML
     * removed, so a snippet never shows **…** or &lt;b&gt;), normalised ({@link TextNormalizer}).
     */
    public static String searchable(String text) {
        return TextNormalizer.normalize(MarkdownRenderer.plainText(text));
    }

    private static @Nullable String searchableOrNull(@Nullable String text) {
        return text == null ? null : searchable(text);
    }

    /** The title without quotes, punctuation and spaces, lower case: "“三会一课”工作法" → "三会一课工作法" (title suggestions). */
    public static String titleKey(String title) {
        var key = new StringBuilder();
        title.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(key::appendCodePoint);
        return key.toString();
    }

    private static void addOnce(List<String> values, String value) {
        if (!values.contains(value)) {
            values.add(value);
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
