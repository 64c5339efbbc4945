package org.methodportal.adoption;

import java.time.Duration;

import org.methodportal.shared.PeriodicTask;
import org.methodportal.shared.SystemAuthentication;
import org.springframework.stereotype.Component;

/**
 * Checks for adoptions due for a report every portal.adoption.reminder-interval, the first time a
 * minute after start at the latest (an instance restarted more often than the interval still
 * reminds). Every instance may run it: an adoption is marked reminded by exactly one of them.
 */
@Component
class AdoptionReminderSchedule extends PeriodicTask {

    private static final Duration FIRST_CHECK = Duration.ofMinutes(1);

    private final AdoptionReminders reminders;
    private final SystemAuthentication system;
    private final AdoptionProperties properties;

    AdoptionReminderSchedule(AdoptionReminders reminders, SystemAuthentication system, AdoptionProperties properties) {
        super("adoption-reminders");
        this.reminders = reminders;
        this.system = system;
        this.properties = properties;
    }

    /** One check now: reminds every adoption due, a batch per transaction. */
    void remindAll() {
        system.runAsSystem(() -> {
            while (reminders.remindDue() == AdoptionReminders.BATCH) {
                // a full batch: there may be more
            }
        });
    }

    @Override
    protected Duration firstDelay() {
        return properties.reminderInterval().compareTo(FIRST_CHECK) < 0 ? properties.reminderInterval() : FIRST_CHECK;
    }

    @Override
    protected Duration interval() {
        return properties.reminderInterval();
    }

    @Override
    protected void runOnce() {
        remindAll();
    }
}
