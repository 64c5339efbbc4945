package org.methodportal.method.persistence;

/**
 * Receives the identity value of an insert: MyBatis writes generated keys into a property, which
 * the immutable row records cannot offer.
 */
public final class GeneratedKey {

    private long id;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }
}
