package org.methodportal.method.persistence;

/** How many branches use a method now. */
public record AdoptingBranches(long id, int branches) {
}
