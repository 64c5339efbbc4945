package org.methodportal.proposal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The author's answer to one {@link MergeConflict}: keep one of the three sides, or write the
 * text (a text field: one value; a list run: its items, possibly none).
 */
public record ConflictResolution(int conflict, Choice choice, @Nullable List<String> values) {

    /** Which side to keep; EDITED takes {@code values}. */
    public enum Choice { BASE, THEIRS, MINE, EDITED }

    public ConflictResolution {
        values = values == null ? null : List.copyOf(values);
    }

    public static ConflictResolution of(int conflict, Choice choice) {
        return new ConflictResolution(conflict, choice, null);
    }
}
