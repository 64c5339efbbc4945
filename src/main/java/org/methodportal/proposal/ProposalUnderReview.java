package org.methodportal.proposal;

import org.jspecify.annotations.Nullable;

/**
 * A proposal locked for a reviewer's decision: the revision and round under review, whose it is
 * and where it comes from. Valid only inside the transaction that obtained it.
 */
public record ProposalUnderReview(long methodId, String title, long ownerId, long originDepartmentId,
                                  int reviewRound, long submittedRevisionId, int submittedRevision,
                                  @Nullable Long changeOfMethodId) {
}
