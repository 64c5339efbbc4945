package org.methodportal.account;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.persistence.BranchMapper;
import org.methodportal.account.persistence.BranchQuery;
import org.methodportal.account.persistence.DepartmentMapper;
import org.methodportal.shared.DisplayNames;
import org.methodportal.shared.LikePattern;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Departments (部门) and branches (党支部): read by every signed-in user, changed by administrators. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class OrganisationService {

    private static final Logger log = LoggerFactory.getLogger(OrganisationService.class);

    private final DepartmentMapper departments;
    private final BranchMapper branches;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganisationService(DepartmentMapper departments, BranchMapper branches, ApplicationEventPublisher events,
                        Clock clock) {
        this.departments = departments;
        this.branches = branches;
        this.events = events;
        this.clock = clock;
    }

    /** A page of departments whose name or code contains {@code text}. */
    public List<Department> findDepartments(@Nullable String text, @Nullable Boolean enabled, PageRequest page) {
        return departments.findPage(LikePattern.contains(text), enabled, page.sortKey(), page.ascending(),
                page.offset(), page.limit());
    }

    public long countDepartments(@Nullable String text, @Nullable Boolean enabled) {
        return departments.count(LikePattern.contains(text), enabled);
    }

    public PageResult<Department> departmentPage(@Nullable String text, @Nullable Boolean enabled, PageRequest page) {
        return new PageResult<>(findDepartments(text, enabled, page), countDepartments(text, enabled), page.page(),
                page.limit());
    }

    /** All enabled departments by name, for pickers (there are about a hundred). */
    public List<Department> enabledDepartments() {
        return departments.findAllEnabled();
    }

    public Department department(long id) {
        return departments.findById(id).orElseThrow(() -> PortalException.notFound("department.not-found", id));
    }

    /** Creates a department; names are unique. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Department createDepartment(DepartmentForm form) {
        String name = DisplayNames.require(form.name());
        if (departments.findByName(name).isPresent()) {
            throw PortalException.conflict("department.name-taken", name);
        }
        departments.insert(name, blankToNull(form.code()), clock.instant());
        Department created = departments.findByName(name).orElseThrow();
        events.publishEvent(new DepartmentEvent.DepartmentCreated(created.id(), name));
        log.debug("department {} created", created.id());
        return created;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Department updateDepartment(long id, DepartmentForm form, int expectedVersion) {
        Department current = department(id);
        String name = DisplayNames.require(form.name());
        departments.findByName(name).filter(other -> other.id() != id).ifPresent(other -> {
            throw PortalException.conflict("department.name-taken", name);
        });
        if (departments.update(id, name, blankToNull(form.code()), expectedVersion) == 0) {
            throw PortalException.stale("department.stale", current.name());
        }
        events.publishEvent(new DepartmentEvent.DepartmentUpdated(id, current.name(), name));
        return department(id);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Department setDepartmentEnabled(long id, boolean enabled, int expectedVersion) {
        Department current = department(id);
        if (departments.updateEnabled(id, enabled, expectedVersion) == 0) {
            throw PortalException.stale("department.stale", current.name());
        }
        events.publishEvent(enabled ? new DepartmentEvent.DepartmentEnabled(id, current.name())
                : new DepartmentEvent.DepartmentDisabled(id, current.name()));
        return department(id);
    }

    public List<Branch> findBranches(BranchFilter filter, PageRequest page) {
        return branches.findPage(query(filter), page.sortKey(), page.ascending(), page.offset(), page.limit());
    }

    public long countBranches(BranchFilter filter) {
        return branches.count(query(filter));
    }

    public PageResult<Branch> branchPage(BranchFilter filter, PageRequest page) {
        return new PageResult<>(findBranches(filter, page), countBranches(filter), page.page(), page.limit());
    }

    public Branch branch(long id) {
        return branches.findById(id).orElseThrow(() -> PortalException.notFound("branch.not-found", id));
    }

    /** Creates a branch in a department; names are unique within a department. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Branch createBranch(BranchForm form) {
        Department department = department(form.departmentId());
        String name = DisplayNames.require(form.name());
        if (branches.findByName(department.id(), name).isPresent()) {
            throw PortalException.conflict("branch.name-taken", name);
        }
        return insertBranch(department, name);
    }

    /** Inserts and audits a branch its caller has found missing. */
    private Branch insertBranch(Department department, String name) {
        branches.insert(department.id(), name, clock.instant());
        Branch created = branches.findByName(department.id(), name).orElseThrow();
        events.publishEvent(new BranchEvent.BranchCreated(created.id(), department.name() + " / " + name));
        log.debug("branch {} created", created.id());
        return created;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Branch updateBranch(long id, BranchForm form, int expectedVersion) {
        Branch current = branch(id);
        Department department = department(form.departmentId());
        String name = DisplayNames.require(form.name());
        branches.findByName(department.id(), name).filter(other -> other.id() != id).ifPresent(other -> {
            throw PortalException.conflict("branch.name-taken", name);
        });
        if (branches.update(id, department.id(), name, expectedVersion) == 0) {
            throw PortalException.stale("branch.stale", current.name());
        }
        events.publishEvent(new BranchEvent.BranchUpdated(id, current.departmentName() + " / " + current.name(),
                department.name() + " / " + name));
        return branch(id);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Branch setBranchEnabled(long id, boolean enabled, int expectedVersion) {
        Branch current = branch(id);
        if (branches.updateEnabled(id, enabled, expectedVersion) == 0) {
            throw PortalException.stale("branch.stale", current.name());
        }
        events.publishEvent(enabled ? new BranchEvent.BranchEnabled(id, current.name())
                : new BranchEvent.BranchDisabled(id, current.name()));
        return branch(id);
    }

    /**
     * The branch {@code branchName} of the department {@code departmentName}, creating either when
     * it does not exist yet (used by the import of methods, whose origin is given by name). New ones
     * are audited like those an administrator creates by hand.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Branch findOrCreateBranch(String departmentName, String branchName) {
        String departmentKey = DisplayNames.require(departmentName);
        String branchKey = DisplayNames.require(branchName);
        Department department = departments.findByName(departmentKey)
                .orElseGet(() -> createDepartment(new DepartmentForm(departmentKey, null)));
        return branches.findByName(department.id(), branchKey).orElseGet(() -> insertBranch(department, branchKey));
    }

    private static BranchQuery query(BranchFilter filter) {
        return new BranchQuery(LikePattern.contains(filter.text()), filter.departmentId(), filter.enabled());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
