package org.methodportal.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * After-commit listeners ({@code @ApplicationModuleListener}) run on their own thread, so a slow or
 * failing notification neither delays nor fails the user's action; the event publication registry
 * keeps each one until it has completed.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfig {
}
