package org.methodportal.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.adoption.persistence.AdoptionKey;
import org.methodportal.adoption.persistence.AdoptionMapper;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.InputText;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adoption (一抓到底): a secretary's branch takes up a published method and reports how it works.
 * Whoever may see a method sees where it is used; adopting and reporting are for the secretaries of
 * the branch concerned. Every change is audited ({@link AdoptionEvent}).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class AdoptionService {

    public static final int PLAN_MAX = 1000;
    public static final int OUTCOME_MAX = 2000;
    public static final int PARTICIPANTS_MAX = 1_000_000;
    /** Reports the method page and the summary show. */
    static final int LATEST_REPORTS = 5;

    private final AdoptionMapper adoptions;
    private final MethodService methods;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AdoptionProperties properties;

    AdoptionService(AdoptionMapper adoptions, MethodService methods, CurrentUser currentUser,
                    ApplicationEventPublisher events, Clock clock, AdoptionProperties properties) {
        this.adoptions = adoptions;
        this.methods = methods;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /** The largest attachment a report may carry, in bytes (portal.adoption.attachment-max-size). */
    public long attachmentMaxSize() {
        return properties.attachmentMaxSize().toBytes();
    }

    /** Where the method is used, as anyone who may see it may know; "not found" otherwise. */
    public AdoptionSummary summary(long methodId) {
        methods.get(methodId);
        PortalUser user = currentUser.require();
        List<AdoptionSummary.DepartmentCount> byDepartment = adoptions.countOpenByDepartment(methodId);
        return new AdoptionSummary(methodId, byDepartment.stream().mapToInt(AdoptionSummary.DepartmentCount::branches)
                .sum(), (int) adoptions.countByMethod(methodId), adoptions.averageLatestRating(methodId), byDepartment,
                adoptions.findLatestReports(methodId, LATEST_REPORTS),
                adoptions.findOpen(methodId, user.branchId()).orElse(null));
    }

    /** The method's adoptions, open ones first. */
    public PageResult<Adoption> adoptions(long methodId, PageRequest page) {
        methods.get(methodId);
        return new PageResult<>(adoptions.findByMethod(methodId, page.offset(), page.limit()),
                adoptions.countByMethod(methodId), page.page(), page.limit());
    }

    /**
     * The caller's branch's open adoptions, the longest without a report first, at most
     * {@code limit}, with how many there are.
     */
    public PageResult<Adoption> ownBranch(int limit) {
        PortalUser user = currentUser.require();
        return new PageResult<>(adoptions.findOpenByBranch(user.branchId(), limit),
                adoptions.countOpenByBranch(user.branchId()), 0, limit);
    }

    /** All the caller's branch's adoptions, open ones first (the longest without a report first), then those stopped. */
    public PageResult<Adoption> ownBranchAll(PageRequest page) {
        long branch = currentUser.require().branchId();
        return new PageResult<>(adoptions.findByBranch(branch, page.offset(), page.limit()),
                adoptions.countByBranch(branch), page.page(), page.limit());
    }

    /** How many of the caller's branch's open adoptions are due for a report. */
    public long ownBranchDue() {
        ReportCutoff cutoff = ReportCutoff.of(clock, properties.reportAfterDays());
        return adoptions.countDueByBranch(currentUser.require().branchId(), cutoff.date(), cutoff.instant());
    }

    /** Days without a report after which an open adoption is due for one. */
    public int reportAfterDays() {
        return properties.reportAfterDays();
    }

    /** The day a report on the adoption is due (portal.adoption.report-after-days after the last one or the start). */
    public LocalDate reportDueOn(Adoption adoption) {
        return adoption.reportDueOn(properties.reportAfterDays(), clock.getZone());
    }

    /** Whether the adoption is open and its report is due today or was due before. */
    public boolean reportDue(Adoption adoption) {
        return adoption.open() && !reportDueOn(adoption).isAfter(LocalDate.now(clock));
    }

    /** One adoption, if the caller may see its method. */
    public Adoption adoption(long adoptionId) {
        Adoption adoption = adoptions.findById(adoptionId).orElseThrow(() -> notFound(adoptionId));
        visible(adoption);
        return adoption;
    }

    /** An adoption's reports, newest first. */
    public List<AdoptionReport> reports(long adoptionId) {
        adoption(adoptionId);
        return adoptions.findReports(adoptionId);
    }

    /** The caller's branch adopts a published method; refused while the branch has it open already. */
    @Transactional
    @PreAuthorize("hasRole('SECRETARY')")
    public Adoption adopt(long methodId, NewAdoption request) {
        PortalUser user = currentUser.require();
        MethodDetail method = methods.get(methodId);
        if (method.status() != MethodStatus.PUBLISHED) {
            throw PortalException.invalid("adoption.not-published");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate startedOn = request.startedOn() == null ? today : request.startedOn();
        if (startedOn.isAfter(today.plusYears(1)) || startedOn.isBefore(today.minusYears(20))) {
            throw PortalException.invalid("adoption.start-out-of-range");
        }
        String plan = InputText.optional(request.plan(), PLAN_MAX, "adoption.plan-too-long");
        if (adoptions.findOpen(methodId, user.branchId()).isPresent()) {
            throw PortalException.conflict("adoption.already-open");
        }
        AdoptionKey key = new AdoptionKey();
        try {
            adoptions.insert(methodId, user.branchId(), user.id(), startedOn, plan, clock.instant(), key);
        } catch (DuplicateKeyException e) {
            // the same branch adopting at the same moment in another request
            throw PortalException.conflict("adoption.already-open");
        }
        methods.countAdoption(methodId, 1);
        events.publishEvent(new AdoptionEvent.Started(key.getId(), methodId, user.branchId()));
        return adoptions.findById(key.getId()).orElseThrow();
    }

    /** A report on an open adoption by a secretary of its branch; a STOPPED report ends the adoption. */
    @Transactional
    @PreAuthorize("hasRole('SECRETARY')")
    public AdoptionReport report(long adoptionId, NewAdoptionReport request) {
        return report(adoptionId, request, null);
    }

    /**
     * A report as {@link #report(long, NewAdoptionReport)} with an optional file (a photo, a PDF, an
     * Office document or plain text, see {@link AttachmentFiles}), stored with it or not at all.
     */
    @Transactional
    @PreAuthorize("hasRole('SECRETARY')")
    public AdoptionReport report(long adoptionId, NewAdoptionReport request, @Nullable NewAttachment attachment) {
        PortalUser user = currentUser.require();
        Adoption adoption = adoption(adoptionId);
        if (adoption.branchId() != user.branchId() || !user.hasRole(Role.SECRETARY)) {
            throw PortalException.forbidden("adoption.not-own-branch");
        }
        if (!adoption.open()) {
            throw PortalException.conflict("adoption.stopped");
        }
        if (request.status() == null) {
            throw PortalException.invalid("adoption.status-required");
        }
        if (request.rating() == null || request.rating() < 1 || request.rating() > 5) {
            throw PortalException.invalid("adoption.rating-invalid");
        }
        Integer participants = request.participants();
        if (participants != null && (participants < 0 || participants > PARTICIPANTS_MAX)) {
            throw PortalException.invalid("adoption.participants-invalid", PARTICIPANTS_MAX);
        }
        String outcome = InputText.optional(request.outcome(), OUTCOME_MAX, "adoption.outcome-too-long");
        if (outcome == null) {
            throw PortalException.invalid("adoption.outcome-required");
        }
        // checked before anything is written, so a refused file leaves no report behind either
        StoredFile file = attachment == null ? null : check(attachment);
        AdoptionKey key = new AdoptionKey();
        adoptions.insertReport(adoptionId, request.status(), outcome, request.rating(), participants, user.id(),
                clock.instant(), key);
        if (file != null) {
            adoptions.insertAttachment(key.getId(), file.name(), file.kind().contentType(), file.content().length,
                    file.content());
        }
        adoptions.markReported(adoptionId, clock.instant());
        if (request.status() == AdoptionStatus.STOPPED && adoptions.stop(adoptionId, clock.instant()) == 1) {
            methods.countAdoption(adoption.methodId(), -1);
        }
        events.publishEvent(new AdoptionEvent.Reported(adoptionId, adoption.methodId(), adoption.methodTitle(),
                key.getId(), user.id(), request.status(), request.rating(), file == null ? null : file.name(),
                file == null ? null : (long) file.content().length));
        return adoptions.findReports(adoptionId).stream().filter(r -> r.id() == key.getId()).findFirst().orElseThrow();
    }

    /**
     * The file of a report, for whoever may see the adoption's method; "not found" when the report
     * has none, is not one of the adoption's, or the caller may not see the method.
     */
    public AdoptionAttachment attachment(long adoptionId, long reportId) {
        adoption(adoptionId);
        return adoptions.findAttachment(adoptionId, reportId)
                .orElseThrow(() -> PortalException.notFound("adoption.attachment-not-found", reportId));
    }

    private record StoredFile(String name, AttachmentFiles.Kind kind, byte[] content) {
    }

    private StoredFile check(NewAttachment attachment) {
        long max = attachmentMaxSize();
        if (attachment.content().length > max) {
            throw PortalException.invalid("adoption.attachment-too-large", AttachmentFiles.sizeLabel(max));
        }
        String name = AttachmentFiles.safeName(attachment.fileName());
        AttachmentFiles.Kind kind = AttachmentFiles.recognise(name, attachment.content());
        return new StoredFile(AttachmentFiles.named(name, kind), kind, attachment.content());
    }

    private void visible(Adoption adoption) {
        try {
            methods.get(adoption.methodId());
        } catch (PortalException e) {
            if (e.kind() == PortalException.Kind.NOT_FOUND) {
                throw notFound(adoption.id());
            }
            throw e;
        }
    }

    private static PortalException notFound(long adoptionId) {
        return PortalException.notFound("adoption.not-found", adoptionId);
    }
}
