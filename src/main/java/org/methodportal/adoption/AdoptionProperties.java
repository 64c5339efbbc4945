package org.methodportal.adoption;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code portal.adoption.*}: after how many days without a report an open adoption is due (shown on
 * the secretary's home page, and its branch's secretaries told once), how often that is checked,
 * and the largest file a report may carry (10 MB by default; it is held in memory while it is
 * checked and stored, and the REST API's multipart limit, {@code spring.servlet.multipart.max-file-size},
 * must not be below it).
 */
@ConfigurationProperties("portal.adoption")
public record AdoptionProperties(@DefaultValue("90") int reportAfterDays,
                                 @DefaultValue("1h") Duration reminderInterval,
                                 @DefaultValue("10MB") DataSize attachmentMaxSize) {

    public AdoptionProperties {
        if (reportAfterDays < 1) {
            throw new IllegalArgumentException("portal.adoption.report-after-days must be at least 1, not " + reportAfterDays);
        }
        if (reminderInterval.isNegative() || reminderInterval.isZero()) {
            throw new IllegalArgumentException("portal.adoption.reminder-interval must be positive");
        }
        if (attachmentMaxSize.toBytes() < 1 || attachmentMaxSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("portal.adoption.attachment-max-size must be between 1 byte and 2 GB, was "
                    + attachmentMaxSize);
        }
    }
}
