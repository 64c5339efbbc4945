package org.methodportal.method;

import java.util.Set;

/** Where a method stands in the workflow (design §2). */
public enum MethodStatus {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, REJECTED, PUBLISHED, ARCHIVED,
    /** A change request whose text became a new revision of its target. */
    MERGED,
    /**
     * A raw proposal or entry folded into a standard entry (总结提炼) by an approved merge: read-only
     * (no workflow action allows it), out of default search, still readable by URL and in history.
     */
    MERGED_INTO;

    /** Statuses every signed-in user may read; the others only the owner, reviewers of the origin and admins. */
    public static final Set<MethodStatus> PUBLIC = Set.of(PUBLISHED, ARCHIVED);

    /** Statuses in which the owner may still save new revisions of the proposal. */
    public static final Set<MethodStatus> EDITABLE = Set.of(DRAFT, CHANGES_REQUESTED);

    public boolean isPublic() {
        return PUBLIC.contains(this);
    }
}
