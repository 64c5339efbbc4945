package org.methodportal.method;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.method.autosave-interval}: how often the open editor writes its working copy when
 * something changed (every 30 seconds; tests shorten it).
 */
@ConfigurationProperties("portal.method")
public record MethodProperties(@DefaultValue("30s") Duration autosaveInterval) {
}
