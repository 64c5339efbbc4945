package org.methodportal.importexport;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;

/**
 * What a Word file yields for a new draft: the fields found under the template's headings, and
 * every part that could not be put into a field (shown to the author before anything is saved):
 * paragraphs outside the template's headings, tables, and {@code images} pictures.
 * {@code category} is empty when the file names none or one the portal does not know.
 */
public record WordDraft(String fileName, String title, @Nullable String summary, @Nullable Category category,
                        String problem, @Nullable String concept, List<String> measures, List<String> steps,
                        @Nullable String outcomes, @Nullable String applicability, List<String> tags,
                        @Nullable String body, List<String> unmapped, int images) {

    public WordDraft {
        measures = List.copyOf(measures);
        steps = List.copyOf(steps);
        tags = List.copyOf(tags);
        unmapped = List.copyOf(unmapped);
    }

    /** The draft's content, with {@code chosen} as category when the author picked one. */
    public MethodContent content(@Nullable Category chosen) {
        Category effective = chosen != null ? chosen : category;
        if (effective == null) {
            throw org.methodportal.shared.PortalException.invalid("document.word-category-missing");
        }
        return new MethodContent(title, summary, effective, problem, concept, measures, steps, outcomes, applicability,
                tags, body);
    }
}
