package org.methodportal.method.diff;

import org.methodportal.method.MethodField;
import java.util.List;

/**
 * How one field differs between two revisions: inline segments for text fields, item by item for
 * list fields. A view collapses the fields that are not {@link #changed()}.
 */
public sealed interface FieldDiff {

    MethodField field();

    boolean changed();

    /** A text field (also the category, as a whole value): its text as inline segments. */
    record Text(MethodField field, List<Segment> segments) implements FieldDiff {

        public Text {
            segments = List.copyOf(segments);
        }

        @Override
        public boolean changed() {
            return segments.stream().anyMatch(s -> s.kind() != Segment.Kind.EQUAL);
        }
    }

    /** A list field: its items in the newer order, removed items where they stood in the older one. */
    record Items(MethodField field, List<ItemDiff> items) implements FieldDiff {

        public Items {
            items = List.copyOf(items);
        }

        @Override
        public boolean changed() {
            return items.stream().anyMatch(i -> i.change() != ItemDiff.Change.KEPT);
        }
    }
}
