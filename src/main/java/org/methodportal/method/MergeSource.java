package org.methodportal.method;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A source of a merge as the caller may see it: its current status, the status it had before the
 * merge (what an unmerge restores) and the revision that was merged.
 */
public record MergeSource(long id, String title, MethodStatus status, MethodStatus previousStatus, int revision,
                          long mergeId, @Nullable Instant mergedAt) {
}
