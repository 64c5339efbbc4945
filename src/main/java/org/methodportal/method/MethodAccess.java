package org.methodportal.method;

import org.methodportal.method.WorkflowPolicy.Actor;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;

/**
 * Who may see what: drafts and unpublished proposals, change requests included, are
 * visible only to their owner, to reviewers of the origin department and to admins; published and
 * archived methods to every signed-in user.
 */
public final class MethodAccess {

    private MethodAccess() {
    }

    public static boolean maySeeUnpublished(MethodRow method, PortalUser user) {
        return user.hasRole(Role.ADMIN) || method.ownerId() == user.id()
                || user.reviewerDepartmentIds().contains(method.originDepartmentId());
    }

    /**
     * A source merged into a standard entry stays readable by URL to whoever could read it before:
     * everyone when it had a published revision (that revision is shown), else the owner and reviewers.
     */
    public static boolean maySee(MethodRow method, PortalUser user) {
        return method.status().isPublic()
                || method.status() == MethodStatus.MERGED_INTO && method.publishedRevisionId() != null
                || maySeeUnpublished(method, user);
    }

    public static boolean reviews(MethodRow method, PortalUser user) {
        return user.hasRole(Role.REVIEWER) && user.reviewerDepartmentIds().contains(method.originDepartmentId());
    }

    public static Actor actor(MethodRow method, PortalUser user) {
        return new Actor(method.ownerId() == user.id(), user.hasRole(Role.ADMIN), reviews(method, user),
                user.hasRole(Role.SECRETARY));
    }
}
