package org.methodportal.method;

import java.util.Map;

/**
 * A change request compared with its method's current published revision {@code publishedRevision};
 * {@code undoes} names, per field, the published version whose change the request would undo.
 */
public record PublishedComparison(int publishedRevision, RevisionDiff diff, Map<MethodField, Integer> undoes) {

    public PublishedComparison {
        undoes = Map.copyOf(undoes);
    }
}
