package org.methodportal.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A service test: the whole application (mock web environment, method security, events) on the
 * in-memory H2 of the {@code test} profile, with the demo data and a {@link MutableClock}. All
 * classes carrying this share one cached context, so tests make their own uniquely named data and
 * changes commit (nothing is rolled back).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// Only the classpath: the repository's ./config/application.yaml would otherwise win over
// application-test.yaml (files outside the jar override those inside) and point tests at ./data.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = "spring.config.location=classpath:/")
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
@TestExecutionListeners(listeners = SecurityStrategySync.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ServiceTest {
}
