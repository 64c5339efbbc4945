package org.methodportal.merge;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.MethodEvent;

/**
 * A merge (总结提炼) changed a method, one record per fact. The object is always a method, so the
 * audit trail (under the action names kept here: stored audit rows use them) and the search outbox
 * follow every one of them; the owner of a source hears of its merge and unmerge. {@code mergeId}
 * is the merge proposal, {@code standardMethodId} the standard entry it writes, {@code status} the
 * status {@code methodId} has now.
 */
public sealed interface MergeEvent extends MethodEvent {

    long mergeId();

    long standardMethodId();

    String title();

    MethodStatus status();

    long ownerId();

    long actorId();

    /** Why the merge was undone, as the administrator gave it. */
    default @Nullable String reason() {
        return null;
    }

    @Override
    default String action() {
        return switch (this) {
            case MergeStarted e -> "merge.started";
            case SourceMerged e -> "method.merged-into";
            case SourceUnmerged e -> "method.unmerged";
            case MergeUndone e -> "merge.undone";
            case MergeAbandoned e -> "merge.abandoned";
        };
    }

    @Override
    default @Nullable String detail() {
        String why = reason();
        return "merge #" + mergeId() + " → #" + standardMethodId() + " " + status() + " " + title()
                + (why == null ? "" : " (" + why + ")");
    }

    /** A merge proposal ({@code methodId} = {@code mergeId}) was started. */
    record MergeStarted(long methodId, long mergeId, long standardMethodId, String title, MethodStatus status,
                        long ownerId, long actorId) implements MergeEvent {
    }

    /** The approved merge folded the source {@code methodId} into its standard entry. */
    record SourceMerged(long methodId, long mergeId, long standardMethodId, String title, MethodStatus status,
                      long ownerId, long actorId) implements MergeEvent {
    }

    /** An unmerge gave the source {@code methodId} back the status it had before the merge. */
    record SourceUnmerged(long methodId, long mergeId, long standardMethodId, String title, MethodStatus status,
                    long ownerId, long actorId, @Nullable String reason) implements MergeEvent {
    }

    /** The merges into the standard entry {@code methodId} were undone. */
    record MergeUndone(long methodId, long mergeId, long standardMethodId, String title, MethodStatus status,
                       long ownerId, long actorId, @Nullable String reason) implements MergeEvent {
    }

    /** A draft merge was given up. */
    record MergeAbandoned(long methodId, long mergeId, long standardMethodId, String title, MethodStatus status,
                          long ownerId, long actorId) implements MergeEvent {
    }
}
