package org.methodportal.merge;

/**
 * What the current user may do about merging on one method's page, worked out by
 * {@link MergeService#overview} so that views only read it: start a merge with this method as a
 * source, continue composing the open merge this method is, undo the merges into it.
 */
public record MergePermissions(boolean mayMerge, boolean mayCompose, boolean mayUnmerge) {
}
