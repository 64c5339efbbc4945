package org.methodportal.recheck;

import java.util.List;

import org.methodportal.method.MethodImported;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodsImported;
import org.methodportal.proposal.WorkflowEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A method published (by review, as a change request's target, or by an import) gets its review-by
 * date in the publishing transaction: plain listeners, so the date commits with the publication.
 */
@Component
class RecheckDates {

    private final RecheckService rechecks;

    RecheckDates(RecheckService rechecks) {
        this.rechecks = rechecks;
    }

    @EventListener
    void on(WorkflowEvent.MethodPublished event) {
        rechecks.schedule(List.of(event.targetMethodId()));
    }

    @EventListener
    void on(MethodImported event) {
        if (event.status() == MethodStatus.PUBLISHED) {
            rechecks.schedule(List.of(event.methodId()));
        }
    }

    /** A batch of an import: one statement for all its published methods. */
    @EventListener
    void on(MethodsImported batch) {
        rechecks.schedule(batch.events().stream().filter(MethodImported.class::isInstance).map(MethodImported.class::cast)
                .filter(e -> e.status() == MethodStatus.PUBLISHED).map(MethodImported::methodId).toList());
    }
}
