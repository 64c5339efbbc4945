package org.methodportal.promotion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.adoption.AdoptionService;
import org.methodportal.adoption.NewAdoption;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.promotion.persistence.PromotionKey;
import org.methodportal.promotion.persistence.PromotionMapper;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.InputText;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.Pinyin;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 推广运用. Whoever may see a method sees whether it is 典型工作法 and its promotions; the reviewers
 * of its department and administrators designate it and promote it (reviewers to the departments
 * they review, administrators to any or all); each targeted branch's secretary decides once, and
 * 采用 adopts the method for the branch (本支部采用). Coverage is for reviewers and administrators.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class PromotionService {

    public static final int REASON_MAX = 500;
    public static final int MESSAGE_MAX = 1000;
    /** Decisions the promotion page lists. */
    static final int LATEST_DECISIONS = 20;

    private final PromotionMapper promotions;
    private final MethodService methods;
    private final AdoptionService adoptions;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PromotionService(PromotionMapper promotions, MethodService methods, AdoptionService adoptions,
                     CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.promotions = promotions;
        this.methods = methods;
        this.adoptions = adoptions;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    // ---- 典型工作法

    public Optional<Exemplar> exemplar(long methodId) {
        methods.get(methodId);
        return promotions.findExemplar(methodId);
    }

    /** Published 典型工作法, the most recently designated first. */
    public List<Exemplar> exemplars(int limit) {
        currentUser.require();
        return promotions.findExemplars(Math.clamp(limit, 1, 100));
    }

    /** Whether the caller reviews the department (or administers the portal): who designates and promotes. */
    public boolean mayPromote(long departmentId) {
        PortalUser user = currentUser.require();
        return user.hasRole(Role.ADMIN)
                || user.hasRole(Role.REVIEWER) && user.reviewerDepartmentIds().contains(departmentId);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public Exemplar designate(long methodId, String reason) {
        MethodDetail method = promotable(methodId);
        String cleaned = InputText.required(reason, REASON_MAX, "promotion.reason-required", "promotion.reason-too-long");
        promotions.deleteExemplar(methodId);
        promotions.insertExemplar(methodId, cleaned, currentUser.require().id(), clock.instant());
        events.publishEvent(new PromotionEvent.Designated(method.id(), cleaned));
        return promotions.findExemplar(methodId).orElseThrow();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public void withdraw(long methodId) {
        MethodDetail method = methods.get(methodId);
        if (!mayPromote(method.originDepartmentId())) {
            throw PortalException.forbidden("promotion.not-reviewer");
        }
        if (promotions.findExemplar(methodId).isPresent()) {
            promotions.deleteExemplar(methodId);
            events.publishEvent(new PromotionEvent.Withdrawn(methodId));
        }
    }

    // ---- promotions

    /** Enabled branches a promotion to these departments (or all) would reach. */
    public long branchesReached(boolean allBranches, List<Long> departmentIds) {
        currentUser.require();
        return promotions.countBranches(allBranches, departmentIds);
    }

    /**
     * Promotes a published method: administrators to all branches or any departments, its
     * department's reviewers to departments they review.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public Promotion start(long methodId, NewPromotion request) {
        MethodDetail method = promotable(methodId);
        PortalUser user = currentUser.require();
        String message = InputText.optional(request.message(), MESSAGE_MAX, "promotion.message-too-long");
        Set<Long> departments = new LinkedHashSet<>(request.departmentIds() == null ? List.of() : request.departmentIds());
        if (request.toAllBranches()) {
            if (!user.hasRole(Role.ADMIN)) {
                throw PortalException.forbidden("promotion.all-admin-only");
            }
            departments.clear();
        } else if (departments.isEmpty()) {
            throw PortalException.invalid("promotion.targets-required");
        } else if (!user.hasRole(Role.ADMIN) && !user.reviewerDepartmentIds().containsAll(departments)) {
            throw PortalException.forbidden("promotion.department-not-reviewed");
        }
        long branches = promotions.countBranches(request.toAllBranches(), departments);
        if (branches == 0) {
            throw PortalException.invalid("promotion.no-branches");
        }
        PromotionKey key = new PromotionKey();
        promotions.insert(method.id(), message, request.toAllBranches(), user.id(), clock.instant(), key);
        if (!departments.isEmpty()) {
            promotions.insertDepartments(key.getId(), departments);
        }
        events.publishEvent(new PromotionEvent.Started(key.getId(), method.id(),
                request.toAllBranches() ? "all" : "departments " + departments, branches));
        return promotions.findById(key.getId()).orElseThrow();
    }

    /** A promotion, if the caller may see its method. */
    public Promotion promotion(long promotionId) {
        Promotion promotion = promotions.findById(promotionId).orElseThrow(() -> notFound(promotionId));
        try {
            methods.get(promotion.methodId());
        } catch (PortalException e) {
            throw e.kind() == PortalException.Kind.NOT_FOUND ? notFound(promotionId) : e;
        }
        return promotion;
    }

    /** The departments a promotion targets (empty: all branches), in pinyin order. */
    public List<String> targetDepartments(long promotionId) {
        promotion(promotionId);
        return promotions.findDepartmentNames(promotionId).stream().sorted(Comparator.comparing(PromotionService::pinyin))
                .toList();
    }

    /** Promotions of published methods (readable by everyone), newest first. */
    public List<Promotion> recent(int limit) {
        currentUser.require();
        return promotions.findRecent(Math.clamp(limit, 1, 200));
    }

    public List<Promotion> promotionsOf(long methodId) {
        methods.get(methodId);
        return promotions.findByMethod(methodId);
    }

    /**
     * How far the promotion reached, per department (in pinyin order, as readers look one up) and in
     * total (reviewers of the method's department, admin, the promotion's author).
     */
    public Coverage coverage(long promotionId) {
        Promotion promotion = overseen(promotionId);
        List<Coverage.Row> rows = promotions.coverage(promotionId, promotion.methodId()).stream()
                .sorted(Comparator.comparing(r -> pinyin(r.departmentName()))).toList();
        var total = new Coverage.Row(0, "", rows.stream().mapToLong(Coverage.Row::targeted).sum(),
                rows.stream().mapToLong(Coverage.Row::decided).sum(), rows.stream().mapToLong(Coverage.Row::adopted).sum(),
                rows.stream().mapToLong(Coverage.Row::effective).sum());
        return new Coverage(rows, total);
    }

    /** Targeted branches that have not decided, by department and name. */
    public PageResult<PendingBranch> pending(long promotionId, PageRequest page) {
        overseen(promotionId);
        return new PageResult<>(promotions.findPending(promotionId, page.offset(), page.limit()),
                promotions.countPending(promotionId), page.page(), page.limit());
    }

    /** The newest decisions (for those who see the coverage). */
    public List<BranchDecision> latestDecisions(long promotionId) {
        overseen(promotionId);
        return promotions.findDecisions(promotionId, LATEST_DECISIONS);
    }

    /** Whether the caller sees the promotion's coverage. */
    public boolean mayOversee(long promotionId) {
        Promotion promotion = promotion(promotionId);
        return mayPromote(methods.get(promotion.methodId()).originDepartmentId())
                || promotion.createdById() == currentUser.require().id();
    }

    // ---- the branches' side

    /** Promotions waiting for the caller's branch to decide, newest first, at most {@code limit}, with how many. */
    public PageResult<Promotion> tasks(int limit) {
        PortalUser user = currentUser.require();
        return new PageResult<>(promotions.findOpenTasks(user.branchId(), user.departmentId(), Math.clamp(limit, 1, 100)),
                promotions.countOpenTasks(user.branchId(), user.departmentId()), 0, limit);
    }

    /** The caller's branch's decision on the promotion, if any. */
    public Optional<BranchDecision> ownDecision(long promotionId) {
        promotion(promotionId);
        return promotions.findDecision(promotionId, currentUser.require().branchId());
    }

    /** Whether the promotion waits for the caller's branch (targeted, undecided) and the caller may decide. */
    public boolean mayDecide(long promotionId) {
        PortalUser user = currentUser.require();
        return user.hasRole(Role.SECRETARY) && promotions.targets(promotionId, user.branchId())
                && promotions.findDecision(promotionId, user.branchId()).isEmpty();
    }

    /**
     * The caller's branch decides, once: 采用 adopts the method for the branch (unless it uses it
     * already), with the reason as its plan; 暂不采用 needs a reason.
     */
    @Transactional
    @PreAuthorize("hasRole('SECRETARY')")
    public BranchDecision decide(long promotionId, PromotionDecision decision, @Nullable String reason) {
        PortalUser user = currentUser.require();
        Promotion promotion = promotion(promotionId);
        if (!promotions.targets(promotionId, user.branchId())) {
            throw PortalException.forbidden("promotion.not-targeted");
        }
        String cleaned = InputText.optional(reason, REASON_MAX, "promotion.reason-too-long");
        if (decision == PromotionDecision.DECLINE && cleaned == null) {
            throw PortalException.invalid("promotion.decline-reason-required");
        }
        if (promotions.findDecision(promotionId, user.branchId()).isPresent()) {
            throw PortalException.conflict("promotion.decided-already");
        }
        try {
            promotions.insertDecision(promotionId, user.branchId(), decision, cleaned, user.id(), clock.instant());
        } catch (DuplicateKeyException e) {
            // another secretary of the branch decided at the same moment
            throw PortalException.conflict("promotion.decided-already");
        }
        if (decision == PromotionDecision.ADOPT && adoptions.summary(promotion.methodId()).ownBranch() == null) {
            adoptions.adopt(promotion.methodId(), new NewAdoption(LocalDate.now(clock), cleaned));
        }
        events.publishEvent(new PromotionEvent.Decided(promotionId, user.branchId(), decision, cleaned));
        return promotions.findDecision(promotionId, user.branchId()).orElseThrow();
    }

    // ---- rules

    private MethodDetail promotable(long methodId) {
        MethodDetail method = methods.get(methodId);
        if (method.status() != MethodStatus.PUBLISHED) {
            throw PortalException.invalid("promotion.not-published");
        }
        if (!mayPromote(method.originDepartmentId())) {
            throw PortalException.forbidden("promotion.not-reviewer");
        }
        return method;
    }

    private Promotion overseen(long promotionId) {
        Promotion promotion = promotion(promotionId);
        if (!mayOversee(promotionId)) {
            throw PortalException.forbidden("promotion.not-reviewer");
        }
        return promotion;
    }

    /** A Chinese name's sort key: its syllables (财政部 "cai zheng bu" before 农业部 "nong ye bu"). */
    private static String pinyin(String name) {
        return String.join(" ", Pinyin.syllables(name));
    }

    private static PortalException notFound(long promotionId) {
        return PortalException.notFound("promotion.not-found", promotionId);
    }
}
