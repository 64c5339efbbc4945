package org.methodportal.method;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * All structured fields of a method as one revision holds them, in domain order (domain.md):
 * title, summary, category, problem, concept, measures, steps, outcomes, applicability, tags, and
 * an optional free-form Markdown body. Immutable; lists are never null.
 */
public record MethodContent(String title, @Nullable String summary, Category category, String problem,
                            @Nullable String concept, List<String> measures, List<String> steps,
                            @Nullable String outcomes, @Nullable String applicability, List<String> tags,
                            @Nullable String body) {

    public MethodContent {
        measures = List.copyOf(measures);
        steps = List.copyOf(steps);
        tags = List.copyOf(tags);
    }
}
