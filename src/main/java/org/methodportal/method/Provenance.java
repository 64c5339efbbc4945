package org.methodportal.method;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a method comes from and where it went: the sources merged into it (those the caller may
 * see), and for a merged-away source the standard entry it was merged into.
 */
public record Provenance(List<MergeSource> sources, @Nullable MergedInto mergedInto) {

    /** The standard entry a source was merged into. */
    public record MergedInto(long id, String title) {
    }

    public static Provenance none() {
        return new Provenance(List.of(), null);
    }
}
