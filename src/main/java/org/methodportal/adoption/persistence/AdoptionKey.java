package org.methodportal.adoption.persistence;

/** Receives the identity of an inserted adoption or report: MyBatis writes generated keys into a property. */
public final class AdoptionKey {

    private long id;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }
}
