package org.methodportal.merge;

import org.methodportal.method.Provenance;

/** What the method page shows of merging: the provenance of the method and what the reader may do. */
public record MergeOverview(Provenance provenance, MergePermissions may) {
}
