package org.methodportal.search.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodDocument;

/**
 * A method as an adapter indexes it: text fields by weight, facet values, the visibility facts,
 * and the pinyin of title and tags computed here, so both adapters index the same keys.
 *
 * @param pinyin   per title and tag its readings ({@link PinyinReadings}), syllables separated by spaces
 *                 ("wu dui jie"); the first value is the preferred reading of the title
 * @param initials the first letters of those readings, separated by spaces ("w d j"), without repeats
 */
public record IndexDocument(long id, @Nullable String externalId, String status, long ownerId, long departmentId,
                            String departmentName, String category, int year, Instant createdAt, String title,
                            List<String> tags, @Nullable String summary, String problem, @Nullable String concept,
                            List<String> measures, List<String> steps, @Nullable String outcomes,
                            @Nullable String applicability, @Nullable String body, @Nullable String rawPractice,
                            List<String> pinyin, List<String> initials) {

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

    public static IndexDocument of(MethodDocument d) {
        var c = d.content();
        List<String> pinyin = new ArrayList<>();
        List<String> initials = new ArrayList<>();
        for (String value : concat(c.title(), c.tags())) {
            for (List<String> syllables : PinyinReadings.readings(value)) {
                if (!syllables.isEmpty()) {
                    addOnce(pinyin, String.join(" ", syllables));
                    addOnce(initials, String.join(" ", syllables.stream().map(s -> s.substring(0, 1)).toList()));
                }
            }
        }
        return new IndexDocument(d.id(), d.externalId(), d.status().name(), d.ownerId(), d.originDepartmentId(),
                d.departmentName(), c.category().name(), d.createdAt().atZone(ZONE).getYear(), d.createdAt(),
                c.title(), c.tags(), c.summary(), c.problem(), c.concept(), c.measures(), c.steps(), c.outcomes(),
                c.applicability(), c.body(), d.rawPractice(), pinyin, initials);
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
