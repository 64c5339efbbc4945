package org.methodportal.search;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;

/**
 * One method found. {@code highlights} maps a field name (title, summary, tags, problem, concept,
 * measures, steps, outcomes, applicability, body, rawPractice) to fragments that are HTML-escaped
 * text with {@code <mark>}…{@code </mark>} around the matches, and no other markup.
 */
public record SearchHit(long id, @Nullable String externalId, String title, Category category, long departmentId,
                        String department, MethodStatus status, float score, Map<String, List<String>> highlights) {

    public SearchHit {
        highlights = Map.copyOf(highlights);
    }
}
