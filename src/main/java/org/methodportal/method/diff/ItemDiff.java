package org.methodportal.method.diff;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One item of a list field (measures, steps, tags) in a diff. Positions are 1-based as readers
 * count them; {@code fromPosition} is null for an added item, {@code toPosition} for a removed one.
 * The segments spell the item's text: all EQUAL for kept and moved items, all INSERTED or DELETED
 * for added and removed ones, mixed for a changed one.
 */
public record ItemDiff(Change change, @Nullable Integer fromPosition, @Nullable Integer toPosition,
                       List<Segment> segments) {

    public enum Change {
        /** Same text, same order relative to the other kept items. */
        KEPT,
        ADDED,
        REMOVED,
        /** Same text at another place in the list. */
        MOVED,
        /** An older item edited into a newer one (similar enough to be the same item). */
        CHANGED
    }

    public ItemDiff {
        segments = List.copyOf(segments);
    }
}
