package org.methodportal.glossary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodDetail;
import org.springframework.stereotype.Component;

/**
 * The text fields of a method for the glossary check, as the caller sees the method: the raw
 * practice, then the fields of the shown revision in domain order; list items as
 * {@code measures[0]}, {@code steps[2]}. It lives here, not in the method module, because the
 * glossary's editor assistant depends on that module already.
 */
@Component
class MethodGlossaryTexts implements MethodTexts {

    private final MethodService methods;

    MethodGlossaryTexts(MethodService methods) {
        this.methods = methods;
    }

    @Override
    public void checkVisible(long methodId) {
        methods.get(methodId);
    }

    @Override
    public void checkMayEdit(long methodId) {
        // The same rule as saving a revision: whoever may save the draft decides what it keeps.
        methods.checkMaySave(methodId);
    }

    @Override
    public Map<String, String> fieldsOf(long methodId) {
        MethodDetail view = methods.get(methodId);
        MethodContent content = view.revision().content();
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "rawPractice", view.rawPractice());
        put(fields, "title", content.title());
        put(fields, "summary", content.summary());
        put(fields, "problem", content.problem());
        put(fields, "concept", content.concept());
        items(fields, "measures", content.measures());
        items(fields, "steps", content.steps());
        put(fields, "outcomes", content.outcomes());
        put(fields, "applicability", content.applicability());
        put(fields, "body", content.body());
        return fields;
    }

    private static void items(Map<String, String> fields, String name, List<String> items) {
        for (int i = 0; i < items.size(); i++) {
            put(fields, name + "[" + i + "]", items.get(i));
        }
    }

    private static void put(Map<String, String> fields, String name, @Nullable String text) {
        if (text != null && !text.isEmpty()) {
            fields.put(name, text);
        }
    }
}
