package org.methodportal.shared;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points the static {@link SecurityContextHolder} at this test's application context before each
 * test. Vaadin installs its own holder strategy statically when a context starts, so with several
 * cached contexts (service tests, API tests) the static holder belongs to whichever started last;
 * {@code @WithUserDetails} writes to the running context's strategy bean while Vaadin's navigation
 * access check (browserless view tests) reads the static holder, and the signed-in user was lost.
 */
public class SecurityStrategySync implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
