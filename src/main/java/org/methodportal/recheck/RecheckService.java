package org.methodportal.recheck;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.Category;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.recheck.persistence.RecheckMapper;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.InputText;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review-by dates (内容复核). Anyone who may see a published method sees its date and whether it is
 * due; the reviewers of its department (and administrators) list the due ones, confirm a method
 * as still valid (the next date counts from today) and set a category's or tag's methods due at
 * once, each audited ({@link RecheckEvent}).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class RecheckService {

    public static final int NOTE_MAX = 500;
    public static final int REASON_MAX = 500;

    private final RecheckMapper rechecks;
    private final MethodService methods;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RecheckProperties properties;

    RecheckService(RecheckMapper rechecks, MethodService methods, CurrentUser currentUser,
                   ApplicationEventPublisher events, Clock clock, RecheckProperties properties) {
        this.rechecks = rechecks;
        this.methods = methods;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The method's review-by date, if it is published and has one; "not found" for a method the caller may not see. */
    public Optional<RecheckDue> of(long methodId) {
        methods.get(methodId);
        return rechecks.findByMethod(methodId);
    }

    /** Whether the caller reviews the method's department (or administers the portal). */
    public boolean mayRecheck(long departmentId) {
        PortalUser user = currentUser.require();
        return user.hasRole(Role.ADMIN)
                || user.hasRole(Role.REVIEWER) && user.reviewerDepartmentIds().contains(departmentId);
    }

    /** Published methods due for review in the caller's departments (all, for administrators), the longest overdue first. */
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public PageResult<RecheckDue> due(PageRequest page) {
        Collection<Long> departments = scope(currentUser.require());
        return new PageResult<>(rechecks.findDue(today(), departments, page.offset(), page.limit()),
                rechecks.countDue(today(), departments), page.page(), page.limit());
    }

    /** Confirms a published method after review: it is due again {@link RecheckProperties#after} from today. */
    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public RecheckDue confirm(long methodId, @Nullable String note) {
        PortalUser user = currentUser.require();
        MethodDetail method = methods.get(methodId);
        if (method.status() != MethodStatus.PUBLISHED) {
            throw PortalException.invalid("recheck.not-published");
        }
        if (!mayRecheck(method.originDepartmentId())) {
            throw PortalException.forbidden("recheck.not-reviewer");
        }
        String cleaned = InputText.optional(note, NOTE_MAX, "recheck.note-too-long");
        LocalDate next = properties.dueOn(method.revision().content().category(), today());
        if (rechecks.confirm(methodId, next, user.id(), clock.instant(), cleaned) == 0) {
            // published before review-by dates existed and never since: the date starts now
            schedule(List.of(methodId));
            rechecks.confirm(methodId, next, user.id(), clock.instant(), cleaned);
        }
        events.publishEvent(new RecheckEvent.Confirmed(methodId, next, cleaned));
        return rechecks.findByMethod(methodId).orElseThrow();
    }

    /** How many published methods of the scope in the caller's departments {@link #setDue} would set due. */
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public long countSettable(RecheckScope scope) {
        checkScope(scope);
        return rechecks.countSettable(scope.category(), tag(scope), scope(currentUser.require()), today());
    }

    /** Sets every published method of the scope in the caller's departments due today, with the reason. */
    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public int setDue(RecheckScope scope, String reason) {
        checkScope(scope);
        String cleaned = InputText.optional(reason, REASON_MAX, "recheck.reason-too-long");
        if (cleaned == null) {
            throw PortalException.invalid("recheck.reason-required");
        }
        PortalUser user = currentUser.require();
        int count = rechecks.setDue(scope.category(), tag(scope), scope(user), today(), cleaned, user.id(),
                clock.instant());
        events.publishEvent(new RecheckEvent.SetDue(scope.category() != null ? "category " + scope.category().name()
                : "tag " + tag(scope), count, cleaned));
        return count;
    }

    /**
     * Gives these methods their review-by date from today (those published; others are left out),
     * replacing any they had: called in the publishing transaction.
     */
    @Transactional
    void schedule(Collection<Long> methodIds) {
        if (methodIds.isEmpty()) {
            return;
        }
        Map<Category, LocalDate> byCategory = new EnumMap<>(Category.class);
        properties.afterByCategory().keySet().forEach(c -> byCategory.put(c, properties.dueOn(c, today())));
        rechecks.deleteDue(methodIds);
        rechecks.insertDue(methodIds, byCategory, today().plus(properties.after()), clock.instant());
    }

    /** The departments whose methods the user rechecks; null (all) for administrators. */
    private static @Nullable Collection<Long> scope(PortalUser user) {
        return user.hasRole(Role.ADMIN) ? null : user.reviewerDepartmentIds();
    }

    private static void checkScope(RecheckScope scope) {
        if ((scope.category() == null) == (tag(scope) == null)) {
            throw PortalException.invalid("recheck.scope-required");
        }
    }

    private static @Nullable String tag(RecheckScope scope) {
        return scope.tag() == null || scope.tag().isBlank() ? null : scope.tag().strip();
    }
}
