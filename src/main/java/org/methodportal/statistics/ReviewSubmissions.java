package org.methodportal.statistics;

import org.methodportal.proposal.WorkflowEvent;
import org.methodportal.statistics.persistence.StatisticsMapper;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps when each review round was submitted (the proposal's row only keeps the latest), for the
 * waiting time to the reviewers' decisions. Runs in the submitting transaction: the round and its
 * submission time commit together.
 */
@Component
class ReviewSubmissions {

    private final StatisticsMapper statistics;

    ReviewSubmissions(StatisticsMapper statistics) {
        this.statistics = statistics;
    }

    @EventListener
    void on(WorkflowEvent.ProposalSubmitted submitted) {
        statistics.insertSubmission(submitted.methodId());
    }
}
