package org.methodportal.merge;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.AuditableEvent;

/**
 * A merge (总结提炼) changed a method: started ({@code merge.started}, on the merge proposal), a
 * source merged into its standard entry ({@code method.merged-into}) or given back by an unmerge
 * ({@code method.unmerged}), the unmerged standard entry archived ({@code merge.undone}), or a draft
 * merge given up ({@code merge.abandoned}). The object is always a method, so the audit trail and
 * the search outbox follow every one of them; the owner of a source hears of its merge and unmerge.
 */
public record MethodMerged(String action, long methodId, long mergeId, long standardMethodId, String title,
                           MethodStatus status, long ownerId, long actorId, @Nullable String reason)
        implements AuditableEvent {

    public static final String STARTED = "merge.started";
    public static final String MERGED_INTO = "method.merged-into";
    public static final String UNMERGED = "method.unmerged";
    public static final String UNDONE = "merge.undone";
    public static final String ABANDONED = "merge.abandoned";

    @Override
    public String objectType() {
        return "method";
    }

    @Override
    public String objectId() {
        return String.valueOf(methodId);
    }

    @Override
    public @Nullable String detail() {
        return "merge #" + mergeId + " → #" + standardMethodId + " " + status + " " + title
                + (reason == null ? "" : " (" + reason + ")");
    }
}
