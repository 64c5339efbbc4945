package org.methodportal.proposal;

/**
 * What the current user may do now with a method or proposal, for the workflow buttons of the
 * method page: worked out by {@link ProposalService#permissions} from {@code WorkflowPolicy}, the
 * rules its transitions check again, so that views only read it.
 */
public record MethodPermissions(boolean mayEdit, boolean maySubmit, boolean mayWithdraw, boolean mayReview,
                                boolean mayProposeChange, boolean mayArchive, boolean mayRestore,
                                boolean mayRebase) {
}
