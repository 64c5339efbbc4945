package org.methodportal.proposal;

/** An open change request of a method as others may learn of it; {@code visible}: the caller may open it. */
public record OpenChangeRequest(long id, String title, String ownerName, boolean visible) {
}
