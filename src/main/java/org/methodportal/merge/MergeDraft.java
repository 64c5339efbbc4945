package org.methodportal.merge;

import org.methodportal.method.MethodStatus;
import org.methodportal.method.Revision;
import org.methodportal.method.MethodView;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A merge proposal for the compose page: the proposal itself, the revision of each source the
 * caller may read (side by side), and for a change-request merge the target's published revision.
 */
public record MergeDraft(MethodView merge, List<SourceText> sources, @Nullable SourceText target) {

    /** One column of the compose page. */
    public record SourceText(long id, MethodStatus status, Revision revision) {
    }
}
