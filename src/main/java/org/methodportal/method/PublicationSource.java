package org.methodportal.method;

/**
 * The proposal (a method's own line or a change request) and review round whose approval produced a
 * published revision; round 0 when it was published without review (import, data from before the
 * review workflow).
 */
public record PublicationSource(long sourceMethodId, int sourceRound) {
}
