package org.methodportal.review;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.PublicationSource;
import org.methodportal.proposal.ProposalService;
import org.methodportal.proposal.ProposalUnderReview;
import org.methodportal.review.persistence.NewReview;
import org.methodportal.review.persistence.ReviewKey;
import org.methodportal.review.persistence.ReviewMapper;
import org.methodportal.review.persistence.ReviewRow;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PageResult;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews on the six-quality rubric and their effect on the proposal (design §2): a review is
 * recorded against the exact revision the reviewer saw; request changes and reject decide at once,
 * approvals publish once the department's quorum is reached in the current round.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ReviewService {

    public static final int COMMENT_MAX = 4_000;

    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

    private final ReviewMapper reviews;
    private final ProposalService proposals;
    private final MethodService methods;
    private final ReviewQuorumService quorum;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewService(ReviewMapper reviews, ProposalService proposals, MethodService methods, ReviewQuorumService quorum,
                  CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.reviews = reviews;
        this.proposals = proposals;
        this.methods = methods;
        this.quorum = quorum;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the caller's review of a proposal and applies its decision. The proposal row stays
     * locked until commit, so concurrent reviews of one proposal count approvals one after another.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public ReviewOutcome review(long methodId, ReviewRequest request) {
        PortalUser user = currentUser.require();
        request.scores().validate();
        String comment = comment(request);
        ProposalUnderReview proposal = proposals.startReview(methodId, request.revision());
        int round = proposal.reviewRound();
        if (reviews.existsInRound(methodId, round, user.id())) {
            throw PortalException.conflict("review.already-reviewed", round);
        }
        var key = new ReviewKey();
        reviews.insert(new NewReview(methodId, proposal.submittedRevisionId(), round, user.id(), request.decision(),
                request.scores(), comment, clock.instant()), key);
        int approvals = reviews.countApprovals(methodId, round);
        int required = quorum.required(proposal.originDepartmentId());
        events.publishEvent(new ReviewRecorded(key.getId(), methodId, proposal.title(), proposal.ownerId(),
                request.decision(), round, approvals, required));
        log.info("review {} of proposal {} round {} by {}: {}", key.getId(), methodId, round, user.login(),
                request.decision());
        MethodStatus status = switch (request.decision()) {
            case APPROVE -> approvals >= required ? proposals.approve(methodId, round).status() : MethodStatus.IN_REVIEW;
            case REQUEST_CHANGES -> proposals.requestChanges(methodId, round).status();
            case REJECT -> proposals.reject(methodId, round).status();
        };
        return new ReviewOutcome(key.getId(), methodId, status, approvals, required);
    }

    /** Proposals waiting for the caller's review in their departments (admins: all), oldest first. */
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public PageResult<QueueEntry> queue(PageRequest page) {
        PortalUser user = currentUser.require();
        boolean all = user.hasRole(Role.ADMIN);
        List<Long> departments = List.copyOf(user.reviewerDepartmentIds());
        return new PageResult<>(reviews.findQueue(user.id(), departments, all, page.offset(), page.limit()),
                reviews.countQueue(user.id(), departments, all), page.page(), page.limit());
    }

    /**
     * The review record of a method the caller may see, newest first: every round of the method and of
     * its merged change requests (whose approval produced a published version), plus the open change
     * requests the caller may see.
     */
    public List<ReviewEntry> record(long methodId) {
        methods.get(methodId);
        Set<Long> visible = new HashSet<>();
        visible.add(methodId);
        proposals.changeRequests(methodId, true).forEach(request -> visible.add(request.id()));
        return reviews.findByMethod(methodId).stream()
                .filter(r -> visible.contains(r.methodId()) || r.proposalStatus() == MethodStatus.MERGED)
                .map(ReviewService::toEntry)
                .toList();
    }

    /**
     * Average score per quality of the reviews in the round that published the method's current
     * version; empty when it was published without review.
     */
    public Map<Quality, Double> publishedAverages(long methodId) {
        Map<Quality, Double> averages = new EnumMap<>(Quality.class);
        PublicationSource source = proposals.publicationSource(methodId).orElse(null);
        if (source == null || source.sourceRound() == 0) {
            return averages;
        }
        List<ReviewRow> round = reviews.findByRound(source.sourceMethodId(), source.sourceRound());
        if (round.isEmpty()) {
            return averages;
        }
        for (Quality quality : Quality.values()) {
            averages.put(quality, round.stream().mapToInt(r -> toEntry(r).scores().get(quality)).average().orElse(0));
        }
        return averages;
    }

    /** Approvals so far in the current round of a proposal in review, and how many are needed. */
    public ReviewOutcome progress(long methodId) {
        MethodDetail proposal = methods.get(methodId);
        int approvals = proposal.status() == MethodStatus.IN_REVIEW
                ? reviews.countApprovals(methodId, proposal.reviewRound()) : 0;
        return new ReviewOutcome(0, methodId, proposal.status(), approvals,
                quorum.required(proposal.originDepartmentId()));
    }

    private static @Nullable String comment(ReviewRequest request) {
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (comment == null && request.decision().needsComment()) {
            throw PortalException.invalid("review.comment-required");
        }
        if (comment != null && comment.length() > COMMENT_MAX) {
            throw PortalException.invalid("review.comment-too-long", COMMENT_MAX);
        }
        return comment;
    }

    static ReviewEntry toEntry(ReviewRow r) {
        return new ReviewEntry(r.id(), r.methodId(), r.revision(), r.reviewRound(), r.reviewerId(), r.reviewerName(),
                r.decision(), new Scores(r.regularity(), r.pertinence(), r.operability(), r.adaptability(),
                r.exemplarity(), r.creativity()), r.reviewComment(), r.createdAt());
    }
}
