package org.methodportal.proposal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodField;

/**
 * A place where the published text and a change request both changed the same thing since the
 * request's base: a whole text field, or a run of items of a list field. Each side is given as a
 * list: a text field holds none (empty) or one value, a list run the items of that run, which
 * may be none (an item added on one side only). {@code position} is the 1-based number of the
 * run's first item in the merged list, null for a text field.
 */
public record MergeConflict(int index, MethodField field, @Nullable Integer position, List<String> base,
                            List<String> theirs, List<String> mine) {

    public MergeConflict {
        base = List.copyOf(base);
        theirs = List.copyOf(theirs);
        mine = List.copyOf(mine);
    }

    /** Whether the conflict is about items of a list field rather than a whole text field. */
    public boolean items() {
        return position != null;
    }
}
