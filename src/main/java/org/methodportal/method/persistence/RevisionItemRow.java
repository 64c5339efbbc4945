package org.methodportal.method.persistence;

/** One measure or step of a revision, in order. */
public record RevisionItemRow(long revisionId, ItemKind kind, int sortOrder, String itemText) {

    public enum ItemKind { MEASURE, STEP }
}
