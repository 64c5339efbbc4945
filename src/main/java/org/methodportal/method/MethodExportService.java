package org.methodportal.method;

import java.util.List;

import org.methodportal.method.persistence.MethodMapper;
import org.methodportal.method.persistence.MethodQuery;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads every method the caller may see, a page at a time in id order, for export. Each method
 * comes as its page shows it to the caller (the same visibility rules as {@link MethodService}).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class MethodExportService {

    private final MethodMapper methods;
    private final MethodService methodService;
    private final CurrentUser currentUser;

    MethodExportService(MethodMapper methods, MethodService methodService, CurrentUser currentUser) {
        this.methods = methods;
        this.methodService = methodService;
        this.currentUser = currentUser;
    }

    /** Up to {@code limit} visible methods with ids above {@code afterId}, ascending; empty at the end. */
    public List<MethodDetail> visibleAfter(long afterId, int limit) {
        PortalUser user = currentUser.require();
        var viewer = new MethodQuery(null, null, List.of(), null, null, null, user.id(), user.hasRole(Role.ADMIN),
                List.copyOf(user.reviewerDepartmentIds()), false, false);
        return methods.findVisibleIdsAfter(viewer, afterId, Math.clamp(limit, 1, 500)).stream()
                .map(methodService::get)
                .toList();
    }
}
