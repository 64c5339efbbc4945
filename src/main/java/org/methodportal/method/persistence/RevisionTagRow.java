package org.methodportal.method.persistence;

/** One tag of a revision, in the order the author gave. */
public record RevisionTagRow(long revisionId, int sortOrder, String tag) {
}
