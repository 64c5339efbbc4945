package org.methodportal.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start as Boot's "APPLICATION FAILED TO START" block, without a stack trace. */
public final class StartupSettingsFailureAnalyzer extends AbstractFailureAnalyzer<StartupSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
