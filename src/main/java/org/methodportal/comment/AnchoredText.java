package org.methodportal.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodField;
import org.methodportal.shared.PortalException;

/**
 * Reads and replaces the text one anchor points at in a revision's content. Category and tags are
 * not prose, so they take no section comments; measures and steps are addressed item by item.
 * Public for the views, which prefill a suggestion with the current text.
 */
public final class AnchoredText {

    static final Set<MethodField> ANCHORABLE = Set.of(MethodField.TITLE, MethodField.SUMMARY, MethodField.PROBLEM,
            MethodField.CONCEPT, MethodField.MEASURES, MethodField.STEPS, MethodField.OUTCOMES,
            MethodField.APPLICABILITY, MethodField.BODY);

    private AnchoredText() {
    }

    public static boolean isList(MethodField field) {
        return field == MethodField.MEASURES || field == MethodField.STEPS;
    }

    /** Checks that the anchor names a prose field, with an item index exactly for list fields. */
    static void check(MethodField field, @Nullable Integer itemIndex) {
        if (!ANCHORABLE.contains(field)) {
            throw PortalException.invalid("comment.field-not-anchorable");
        }
        if (isList(field) != (itemIndex != null)) {
            throw PortalException.invalid("comment.item-index");
        }
    }

    /** The anchored text in this content; null when the field is empty or the item no longer exists. */
    public static @Nullable String in(MethodContent c, MethodField field, @Nullable Integer itemIndex) {
        return switch (field) {
            case TITLE -> c.title();
            case SUMMARY -> c.summary();
            case PROBLEM -> c.problem();
            case CONCEPT -> c.concept();
            case OUTCOMES -> c.outcomes();
            case APPLICABILITY -> c.applicability();
            case BODY -> c.body();
            case MEASURES -> item(c.measures(), itemIndex);
            case STEPS -> item(c.steps(), itemIndex);
            case CATEGORY, TAGS -> null;
        };
    }

    /** The content with the anchored text replaced by {@code text}; all other fields unchanged. */
    static MethodContent replace(MethodContent c, MethodField field, @Nullable Integer itemIndex, String text) {
        return switch (field) {
            case TITLE -> new MethodContent(text, c.summary(), c.category(), c.problem(), c.concept(), c.measures(),
                    c.steps(), c.outcomes(), c.applicability(), c.tags(), c.body());
            case SUMMARY -> new MethodContent(c.title(), text, c.category(), c.problem(), c.concept(), c.measures(),
                    c.steps(), c.outcomes(), c.applicability(), c.tags(), c.body());
            case PROBLEM -> new MethodContent(c.title(), c.summary(), c.category(), text, c.concept(), c.measures(),
                    c.steps(), c.outcomes(), c.applicability(), c.tags(), c.body());
            case CONCEPT -> new MethodContent(c.title(), c.summary(), c.category(), c.problem(), text, c.measures(),
                    c.steps(), c.outcomes(), c.applicability(), c.tags(), c.body());
            case OUTCOMES -> new MethodContent(c.title(), c.summary(), c.category(), c.problem(), c.concept(),
                    c.measures(), c.steps(), text, c.applicability(), c.tags(), c.body());
            case APPLICABILITY -> new MethodContent(c.title(), c.summary(), c.category(), c.problem(), c.concept(),
                    c.measures(), c.steps(), c.outcomes(), text, c.tags(), c.body());
            case BODY -> new MethodContent(c.title(), c.summary(), c.category(), c.problem(), c.concept(),
                    c.measures(), c.steps(), c.outcomes(), c.applicability(), c.tags(), text);
            case MEASURES -> new MethodContent(c.title(), c.summary(), c.category(), c.problem(), c.concept(),
                    with(c.measures(), itemIndex, text), c.steps(), c.outcomes(), c.applicability(), c.tags(), c.body());
            case STEPS -> new MethodContent(c.title(), c.summary(), c.category(), c.problem(), c.concept(),
                    c.measures(), with(c.steps(), itemIndex, text), c.outcomes(), c.applicability(), c.tags(), c.body());
            case CATEGORY, TAGS -> throw PortalException.invalid("comment.field-not-anchorable");
        };
    }

    private static @Nullable String item(List<String> items, @Nullable Integer index) {
        return index != null && index >= 0 && index < items.size() ? items.get(index) : null;
    }

    private static List<String> with(List<String> items, @Nullable Integer index, String text) {
        int i = Objects.requireNonNull(index);
        List<String> copy = new ArrayList<>(items);
        copy.set(i, text);
        return copy;
    }
}
