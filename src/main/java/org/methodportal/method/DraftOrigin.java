package org.methodportal.method;

/**
 * The origin a new draft of the caller gets (their own department and branch) and whether they
 * may choose another one: only administrators, as {@link MethodService#createDraft} enforces.
 */
public record DraftOrigin(long departmentId, long branchId, boolean mayChooseOrigin) {
}
