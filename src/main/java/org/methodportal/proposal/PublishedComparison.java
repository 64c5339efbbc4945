package org.methodportal.proposal;

import java.util.Map;

import org.methodportal.method.MethodField;
import org.methodportal.method.diff.RevisionDiff;

/**
 * A change request compared with its method's current published revision {@code publishedRevision};
 * {@code undoes} names, per field, the published version whose change the request would undo, and
 * {@code undoesItems}, per list field, the published items it drops or rewrites with the version
 * that introduced each.
 */
public record PublishedComparison(int publishedRevision, RevisionDiff diff, Map<MethodField, Integer> undoes,
                                  Map<MethodField, Map<String, Integer>> undoesItems) {

    public PublishedComparison {
        undoes = Map.copyOf(undoes);
        undoesItems = Map.copyOf(undoesItems);
    }
}
