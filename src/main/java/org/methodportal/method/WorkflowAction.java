package org.methodportal.method;

/** What someone may try to do with a method or proposal (design §2). */
public enum WorkflowAction {
    /** Save a new revision of a proposal. */
    SAVE,
    SUBMIT,
    WITHDRAW,
    /** Approve, request changes or reject. */
    REVIEW,
    ARCHIVE,
    RESTORE,
    /** Open a change request against a published method. */
    PROPOSE_CHANGE,
    /** Merge a change request onto the method's current published revision (three-way, by {@code RebasePolicy}). */
    REBASE
}
