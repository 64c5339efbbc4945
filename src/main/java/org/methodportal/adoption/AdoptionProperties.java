package org.methodportal.adoption;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.adoption.*}: after how many days without a report an open adoption is due (shown on
 * the secretary's home page, and its branch's secretaries told once), and how often that is checked.
 */
@ConfigurationProperties("portal.adoption")
public record AdoptionProperties(@DefaultValue("90") int reportAfterDays,
                                 @DefaultValue("1h") Duration reminderInterval) {

    public AdoptionProperties {
        if (reportAfterDays < 1) {
            throw new IllegalArgumentException("portal.adoption.report-after-days must be at least 1, not " + reportAfterDays);
        }
        if (reminderInterval.isNegative() || reminderInterval.isZero()) {
            throw new IllegalArgumentException("portal.adoption.reminder-interval must be positive");
        }
    }
}
