package org.methodportal.proposal;

import java.time.Instant;

/**
 * Work another module must do in the same transaction as a proposal's approval (the merge module
 * folds the sources of a merge proposal into the standard entry), so that the approval does not
 * depend on that module. Beans run in {@code @Order}; an exception rolls the approval back.
 */
public interface ApprovalStep {

    /**
     * {@code proposalId} was approved by {@code actorId}; its text is now the published revision of
     * {@code standardId} (the proposal itself, or the target of a change request).
     */
    void approved(long proposalId, long standardId, long actorId, Instant now);
}
