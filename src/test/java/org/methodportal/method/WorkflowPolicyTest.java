package org.methodportal.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.methodportal.method.WorkflowPolicy.Actor;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalException.Kind;

/**
 * The whole state machine of design §2 as a table: every status × action × role, allowed or
 * refused, with the kind of refusal.
 */
class WorkflowPolicyTest {

    enum Who {
        AUTHOR(new Actor(true, false, false, true)),
        AUTHOR_WHO_REVIEWS_THE_DEPARTMENT(new Actor(true, false, true, true)),
        OTHER_SECRETARY(new Actor(false, false, false, true)),
        REVIEWER_IN_SCOPE(new Actor(false, false, true, false)),
        REVIEWER_OUT_OF_SCOPE(new Actor(false, false, false, false)),
        ADMIN(new Actor(false, true, false, false)),
        MEMBER(new Actor(false, false, false, false));

        final Actor actor;

        Who(Actor actor) {
            this.actor = actor;
        }
    }

    private static final Set<Who> REVIEWERS = EnumSet.of(Who.REVIEWER_IN_SCOPE, Who.ADMIN);

    /** Who may act, regardless of status (permission is checked before state). */
    private static final Map<WorkflowAction, Set<Who>> PERMITTED = Map.of(
            WorkflowAction.SAVE, EnumSet.of(Who.AUTHOR, Who.AUTHOR_WHO_REVIEWS_THE_DEPARTMENT, Who.ADMIN),
            WorkflowAction.SUBMIT, EnumSet.of(Who.AUTHOR, Who.AUTHOR_WHO_REVIEWS_THE_DEPARTMENT),
            WorkflowAction.WITHDRAW, EnumSet.of(Who.AUTHOR, Who.AUTHOR_WHO_REVIEWS_THE_DEPARTMENT),
            WorkflowAction.REVIEW, REVIEWERS,
            WorkflowAction.ARCHIVE, EnumSet.of(Who.REVIEWER_IN_SCOPE, Who.ADMIN, Who.AUTHOR_WHO_REVIEWS_THE_DEPARTMENT),
            WorkflowAction.RESTORE, EnumSet.of(Who.REVIEWER_IN_SCOPE, Who.ADMIN, Who.AUTHOR_WHO_REVIEWS_THE_DEPARTMENT),
            WorkflowAction.PROPOSE_CHANGE, EnumSet.of(Who.AUTHOR, Who.AUTHOR_WHO_REVIEWS_THE_DEPARTMENT,
                    Who.OTHER_SECRETARY, Who.ADMIN),
            WorkflowAction.REBASE, EnumSet.of(Who.AUTHOR, Who.AUTHOR_WHO_REVIEWS_THE_DEPARTMENT));

    /** The statuses each action starts from (design §2). */
    private static final Map<WorkflowAction, Set<MethodStatus>> FROM = Map.of(
            WorkflowAction.SAVE, EnumSet.of(MethodStatus.DRAFT, MethodStatus.CHANGES_REQUESTED),
            WorkflowAction.SUBMIT, EnumSet.of(MethodStatus.DRAFT, MethodStatus.CHANGES_REQUESTED),
            WorkflowAction.WITHDRAW, EnumSet.of(MethodStatus.IN_REVIEW),
            WorkflowAction.REVIEW, EnumSet.of(MethodStatus.IN_REVIEW),
            WorkflowAction.ARCHIVE, EnumSet.of(MethodStatus.PUBLISHED),
            WorkflowAction.RESTORE, EnumSet.of(MethodStatus.ARCHIVED),
            WorkflowAction.PROPOSE_CHANGE, EnumSet.of(MethodStatus.PUBLISHED),
            WorkflowAction.REBASE, EnumSet.of(MethodStatus.DRAFT, MethodStatus.CHANGES_REQUESTED, MethodStatus.IN_REVIEW));

    static Stream<Arguments> everyCase() {
        List<Arguments> cases = new ArrayList<>();
        for (MethodStatus status : MethodStatus.values()) {
            for (WorkflowAction action : WorkflowAction.values()) {
                for (Who who : Who.values()) {
                    cases.add(Arguments.of(status, action, who));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} by {2}")
    @MethodSource("everyCase")
    void everyStatusActionAndRole(MethodStatus status, WorkflowAction action, Who who) {
        // Rebase only exists for change requests; every other action is tested on a proposal for a new method.
        boolean changeRequest = action == WorkflowAction.REBASE;
        PortalException refusal = WorkflowPolicy.refusal(action, status, changeRequest, who.actor);

        boolean permitted = PERMITTED.get(action).contains(who);
        boolean fromStatus = FROM.get(action).contains(status);
        if (permitted && fromStatus) {
            assertThat(refusal).as("allowed").isNull();
        } else if (!permitted) {
            assertThat(refusal).isNotNull();
            assertThat(refusal.kind()).isEqualTo(Kind.FORBIDDEN);
        } else {
            assertThat(refusal).isNotNull();
            assertThat(refusal.kind()).isEqualTo(Kind.CONFLICT);
            // A source merged into a standard entry is read-only with a reason of its own.
            assertThat(refusal.code()).isEqualTo(status == MethodStatus.MERGED_INTO ? "workflow.merged-into"
                    : "workflow.not-in-status");
        }
    }

    @Test
    void aMergedAwaySourceAllowsNoActionToAnyone() {
        var everything = new Actor(true, true, true, true);
        for (WorkflowAction action : WorkflowAction.values()) {
            PortalException refusal = WorkflowPolicy.refusal(action, MethodStatus.MERGED_INTO,
                    action == WorkflowAction.REBASE, everything);
            assertThat(refusal).as(action.name()).isNotNull();
            if (action != WorkflowAction.REVIEW) {
                assertThat(refusal.code()).as(action.name()).isEqualTo("workflow.merged-into");
                assertThat(refusal.kind()).isEqualTo(Kind.CONFLICT);
            }
        }
    }

    @Test
    void authorCannotReviewOwnProposalEvenAsReviewerOfTheDepartmentOrAdmin() {
        var authorAdmin = new Actor(true, true, true, true);
        PortalException refusal = WorkflowPolicy.refusal(WorkflowAction.REVIEW, MethodStatus.IN_REVIEW, false,
                authorAdmin);
        assertThat(refusal).isNotNull();
        assertThat(refusal.code()).isEqualTo("review.self-review");
    }

    @Test
    void rebaseIsOnlyForChangeRequests() {
        PortalException refusal = WorkflowPolicy.refusal(WorkflowAction.REBASE, MethodStatus.DRAFT, false,
                Who.AUTHOR.actor);
        assertThat(refusal).isNotNull();
        assertThat(refusal.code()).isEqualTo("workflow.not-change-request");
    }
}
