package org.methodportal.method.diff;

import org.methodportal.method.MethodField;
import org.methodportal.method.MethodContent;
import org.methodportal.method.Category;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Compares two revisions of a method field by field (design: "Revisions, history, diff"). */
public final class MethodDiff {

    private MethodDiff() {
    }

    /** What changed from the older content {@code from} to the newer {@code to}, in domain field order. */
    public static RevisionDiff between(MethodContent from, MethodContent to) {
        return new RevisionDiff(List.of(
                text(MethodField.TITLE, from.title(), to.title()),
                text(MethodField.SUMMARY, from.summary(), to.summary()),
                category(from.category(), to.category()),
                text(MethodField.PROBLEM, from.problem(), to.problem()),
                text(MethodField.CONCEPT, from.concept(), to.concept()),
                items(MethodField.MEASURES, from.measures(), to.measures()),
                items(MethodField.STEPS, from.steps(), to.steps()),
                text(MethodField.OUTCOMES, from.outcomes(), to.outcomes()),
                text(MethodField.APPLICABILITY, from.applicability(), to.applicability()),
                items(MethodField.TAGS, from.tags(), to.tags()),
                text(MethodField.BODY, from.body(), to.body())));
    }

    private static FieldDiff text(MethodField field, @Nullable String from,
                                  @Nullable String to) {
        return new FieldDiff.Text(field, InlineDiff.between(from, to));
    }

    /** A category is one choice, not prose: it is either the same or replaced as a whole. */
    private static FieldDiff category(Category from, Category to) {
        List<Segment> segments = from == to
                ? List.of(new Segment(Segment.Kind.EQUAL, to.chineseName()))
                : List.of(new Segment(Segment.Kind.DELETED, from.chineseName()),
                          new Segment(Segment.Kind.INSERTED, to.chineseName()));
        return new FieldDiff.Text(MethodField.CATEGORY, segments);
    }

    private static FieldDiff items(MethodField field, List<String> from, List<String> to) {
        return new FieldDiff.Items(field, ItemListDiff.between(from, to));
    }
}
