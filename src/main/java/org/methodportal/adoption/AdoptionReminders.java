package org.methodportal.adoption;

import java.time.Clock;
import java.util.List;

import org.methodportal.adoption.persistence.AdoptionMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds open adoptions that went portal.adoption.report-after-days without a report and reminds
 * their branches once ({@link AdoptionEvent.ReportDue}, which the notification module delivers to
 * the branch's secretaries); the next report starts the period again. Run by
 * {@link AdoptionReminderSchedule} as the system.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AdoptionReminders {

    /** Adoptions reminded per transaction. */
    static final int BATCH = 500;

    private final AdoptionMapper adoptions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AdoptionProperties properties;

    AdoptionReminders(AdoptionMapper adoptions, ApplicationEventPublisher events, Clock clock,
                      AdoptionProperties properties) {
        this.adoptions = adoptions;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Reminds up to {@link #BATCH} due adoptions; returns how many it found (each now reminded, by
     * this instance or another), so that a caller repeats while that is a full batch.
     */
    @Transactional
    public int remindDue() {
        ReportCutoff cutoff = ReportCutoff.of(clock, properties.reportAfterDays());
        List<Adoption> due = adoptions.findUnremindedDue(cutoff.date(), cutoff.instant(), BATCH);
        for (Adoption adoption : due) {
            // another instance may have reminded this one since the query: only the one that marks it tells
            if (adoptions.markReminded(adoption.id(), clock.instant()) == 1) {
                events.publishEvent(new AdoptionEvent.ReportDue(adoption.id(), adoption.methodId(),
                        adoption.methodTitle(), adoption.branchId(), properties.reportAfterDays()));
            }
        }
        return due.size();
    }
}
