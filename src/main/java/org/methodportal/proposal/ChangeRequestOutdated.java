package org.methodportal.proposal;

/**
 * A publication made an open change request's base outdated: the method {@code targetMethodId}
 * now has published revision {@code currentRevision}, newer than the one the open request
 * {@code methodId} was written against. Its author must update it before it can be approved.
 */
public record ChangeRequestOutdated(long methodId, long targetMethodId, String title, long ownerId,
                                    int currentRevision) {
}
