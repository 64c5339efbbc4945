package org.methodportal.search.engine;

import java.util.Set;

import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;

/**
 * Who is searching, reduced to the facts of the visibility rule (method module): published and
 * archived methods for everyone; other statuses for the owner, reviewers of the origin department
 * and admins.
 */
public record Viewer(long userId, boolean admin, Set<Long> reviewerDepartmentIds) {

    public Viewer {
        reviewerDepartmentIds = Set.copyOf(reviewerDepartmentIds);
    }

    /** Statuses every signed-in user may see (MethodStatus.PUBLIC). */
    public static final Set<String> PUBLIC_STATUSES = Set.of("PUBLISHED", "ARCHIVED");

    public static Viewer of(PortalUser user) {
        return new Viewer(user.id(), user.hasRole(Role.ADMIN), user.reviewerDepartmentIds());
    }
}
