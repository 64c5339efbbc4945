package org.methodportal.method;

import java.util.Set;

/** Where a method stands in the workflow (design §2). */
public enum MethodStatus {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, REJECTED, PUBLISHED, ARCHIVED,
    /** A raw proposal folded into a systematic entry (总结提炼); set by the merge feature. */
    MERGED;

    /** Statuses every signed-in user may read; the others only the owner, reviewers of the origin and admins. */
    public static final Set<MethodStatus> PUBLIC = Set.of(PUBLISHED, ARCHIVED);

    /** Statuses in which the owner may still save new revisions of the proposal. */
    public static final Set<MethodStatus> EDITABLE = Set.of(DRAFT, CHANGES_REQUESTED);

    public boolean isPublic() {
        return PUBLIC.contains(this);
    }
}
