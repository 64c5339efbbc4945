package org.methodportal.merge;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.Revision;

/**
 * A merge proposal for the compose page: the proposal itself, the revision of each source the
 * caller may read (side by side), for a change-request merge the target's published revision, and
 * what the caller may do with it.
 */
public record MergeDraft(MethodDetail merge, List<SourceText> sources, @Nullable SourceText target,
                         MergePermissions may) {

    /** One column of the compose page. */
    public record SourceText(long id, MethodStatus status, Revision revision) {
    }
}
