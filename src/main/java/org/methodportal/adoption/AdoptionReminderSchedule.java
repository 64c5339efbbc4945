package org.methodportal.adoption;

import java.time.Duration;

import org.methodportal.shared.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Checks for adoptions due for a report every portal.adoption.reminder-interval, the first time a
 * minute after start at the latest (an instance restarted more often than the interval still reminds). Every instance may run it: an adoption is marked reminded by exactly one of them.
 */
@Component
class AdoptionReminderSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AdoptionReminderSchedule.class);

    private final AdoptionReminders reminders;
    private final SystemAuthentication system;
    private final AdoptionProperties properties;
    private static final Duration FIRST_CHECK = Duration.ofMinutes(1);

    private volatile Thread thread;

    AdoptionReminderSchedule(AdoptionReminders reminders, SystemAuthentication system, AdoptionProperties properties) {
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
    public void start() {
        thread = Thread.ofVirtual().name("adoption-reminders").start(() -> {
            Duration pause = properties.reminderInterval().compareTo(FIRST_CHECK) < 0 ? properties.reminderInterval()
                    : FIRST_CHECK;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(pause);
                    pause = properties.reminderInterval();
                    remindAll();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.warn("adoption reminders failed, tried again in {}: {}", properties.reminderInterval(),
                            e.toString());
                }
            }
        });
    }

    @Override
    public void stop() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
