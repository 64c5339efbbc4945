package org.methodportal.comment.persistence;

/** Receives the identity of an inserted comment: MyBatis writes generated keys into a property. */
public final class CommentKey {

    private long id;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }
}
