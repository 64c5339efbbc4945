package org.methodportal.promotion.persistence;

/** The generated id of an inserted promotion. */
public class PromotionKey {

    private long id;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }
}
