package org.methodportal.review.persistence;

/** Receives the generated id of an inserted review. */
public class ReviewKey {

    private long id;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }
}
