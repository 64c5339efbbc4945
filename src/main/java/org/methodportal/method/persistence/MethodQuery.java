package org.methodportal.method.persistence;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;

/**
 * Bound parameters of the browse query: the filters ({@code titlePattern} is an escaped LIKE
 * pattern, empty {@code statuses} means any) and who is looking, for the visibility rule: admins
 * see everything, others the public statuses plus their own methods and those of the departments
 * they review. Change requests are rows of their own and only listed when asked for; {@code adopted}
 * keeps the methods some branch uses now.
 */
public record MethodQuery(@Nullable Category category, @Nullable Long departmentId, List<MethodStatus> statuses,
                          @Nullable String tag, @Nullable Long ownerId, @Nullable String titlePattern,
                          long viewerId, boolean viewerAdmin, List<Long> viewerReviewerDepartmentIds,
                          boolean includeChangeRequests, boolean adopted) {

    public MethodQuery {
        statuses = List.copyOf(statuses);
        viewerReviewerDepartmentIds = List.copyOf(viewerReviewerDepartmentIds);
    }
}
