package org.methodportal.review;

/** A reviewer's decision on a proposal (design §1). */
public enum Decision {
    APPROVE, REQUEST_CHANGES, REJECT;

    /** Request changes and reject must say why, so the author knows what to do next. */
    public boolean needsComment() {
        return this != APPROVE;
    }
}
