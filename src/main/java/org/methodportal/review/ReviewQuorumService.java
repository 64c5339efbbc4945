package org.methodportal.review;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.methodportal.review.persistence.QuorumMapper;
import org.methodportal.review.persistence.QuorumRow;
import org.methodportal.shared.AuditableEvent;
import org.methodportal.shared.PortalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many approvals publish a proposal: {@code portal.review.approvals-required} (default 1),
 * unless an administrator set a global number or one for the proposal's department in the portal.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ReviewQuorumService {

    public static final int MIN = 1;
    public static final int MAX = 5;

    private static final Logger log = LoggerFactory.getLogger(ReviewQuorumService.class);

    private final QuorumMapper quorums;
    private final ReviewProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewQuorumService(QuorumMapper quorums, ReviewProperties properties, ApplicationEventPublisher events,
                        Clock clock) {
        this.quorums = quorums;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** The approvals a proposal of this department needs. */
    public int required(long departmentId) {
        return quorums.findForDepartment(departmentId)
                .or(quorums::findGlobal)
                .orElse(Math.clamp(properties.approvalsRequired(), MIN, MAX));
    }

    public QuorumSettings settings() {
        Integer global = null;
        Map<Long, Integer> departments = new LinkedHashMap<>();
        for (QuorumRow row : quorums.findAll()) {
            if (row.departmentId() == null) {
                global = row.approvalsRequired();
            } else {
                departments.put(row.departmentId(), row.approvalsRequired());
            }
        }
        return global == null
                ? new QuorumSettings(Math.clamp(properties.approvalsRequired(), MIN, MAX), true, departments)
                : new QuorumSettings(global, false, departments);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setGlobal(int approvals) {
        check(approvals);
        if (quorums.updateGlobal(approvals, clock.instant()) == 0) {
            quorums.insert(null, approvals, clock.instant());
        }
        events.publishEvent(new QuorumChanged(null, approvals));
        log.info("approvals required set to {}", approvals);
    }

    /** Sets ({@code approvals} non-null) or removes the override of one department. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setForDepartment(long departmentId, @Nullable Integer approvals) {
        if (approvals == null) {
            quorums.deleteForDepartment(departmentId);
        } else {
            check(approvals);
            if (quorums.updateForDepartment(departmentId, approvals, clock.instant()) == 0) {
                quorums.insert(departmentId, approvals, clock.instant());
            }
        }
        events.publishEvent(new QuorumChanged(departmentId, approvals));
        log.info("approvals required of department {} set to {}", departmentId, approvals);
    }

    private static void check(int approvals) {
        if (approvals < MIN || approvals > MAX) {
            throw PortalException.invalid("review.quorum-range", MIN, MAX);
        }
    }

    /** An administrator changed the approvals required (department null: the global number). */
    public record QuorumChanged(@Nullable Long departmentId, @Nullable Integer approvals) implements AuditableEvent {

        @Override
        public String action() {
            return "review.quorum-changed";
        }

        @Override
        public String objectType() {
            return departmentId == null ? "portal" : "department";
        }

        @Override
        public String objectId() {
            return departmentId == null ? "review" : String.valueOf(departmentId);
        }

        @Override
        public @Nullable String detail() {
            return approvals == null ? "default" : String.valueOf(approvals);
        }
    }
}
