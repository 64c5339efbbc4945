package org.methodportal.method;

/**
 * The structured fields of a method in domain order (domain.md), each with its bundle key. The
 * order of the constants is the order in which pages and diffs show the fields.
 */
public enum MethodField {
    TITLE("method.field.title"),
    SUMMARY("method.field.summary"),
    CATEGORY("method.field.category"),
    PROBLEM("method.field.problem"),
    CONCEPT("method.field.concept"),
    MEASURES("method.field.measures"),
    STEPS("method.field.steps"),
    OUTCOMES("method.field.outcomes"),
    APPLICABILITY("method.field.applicability"),
    TAGS("method.field.tags"),
    BODY("method.field.body");

    private final String key;

    MethodField(String key) {
        this.key = key;
    }

    /** Bundle key of the field's display name. */
    public String key() {
        return key;
    }
}
