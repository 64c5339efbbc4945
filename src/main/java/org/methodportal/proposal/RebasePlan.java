package org.methodportal.proposal;

import java.util.List;

import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodField;

/**
 * What updating a change request onto its method's newest published revision does: the three
 * contents of the merge with their revision numbers (the request's latest revision, its base and
 * the target's published revision now), the fields the newer publication changed, and the
 * conflicts the author must resolve (none: the update applies at once).
 */
public record RebasePlan(long changeRequestId, int requestRevision, int baseRevision, int currentRevision,
                         MethodContent base, MethodContent theirs, MethodContent mine,
                         List<MethodField> publishedChanges, List<MergeConflict> conflicts) {

    public RebasePlan {
        publishedChanges = List.copyOf(publishedChanges);
        conflicts = List.copyOf(conflicts);
    }

    public boolean clean() {
        return conflicts.isEmpty();
    }
}
