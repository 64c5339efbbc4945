package org.methodportal.method.diff;

import java.util.Objects;

/** A run of text in an inline diff that is the same in both revisions, only in the newer or only in the older. */
public record Segment(Kind kind, String text) {

    public enum Kind { EQUAL, INSERTED, DELETED }

    public Segment {
        Objects.requireNonNull(kind);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a segment holds at least one character");
        }
    }
}
