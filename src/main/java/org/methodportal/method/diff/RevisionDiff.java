package org.methodportal.method.diff;

import java.util.List;

/** The differences between two revisions of a method, one entry per field in domain order. */
public record RevisionDiff(List<FieldDiff> fields) {

    public RevisionDiff {
        fields = List.copyOf(fields);
    }

    /** Whether any field differs. */
    public boolean changed() {
        return fields.stream().anyMatch(FieldDiff::changed);
    }
}
