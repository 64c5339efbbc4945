package org.methodportal.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.events.*}: how long the record of a completed after-commit listener (a
 * notification sent) is kept in {@code event_publication}, and how often older ones are deleted.
 */
@ConfigurationProperties("portal.events")
public record EventPublicationProperties(@DefaultValue("7d") Duration keepCompleted,
                                         @DefaultValue("1h") Duration cleanupInterval) {
}
