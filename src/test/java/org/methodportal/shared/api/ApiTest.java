package org.methodportal.shared.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a fresh in-memory database with the demo data, called through MockMvc
 * with the real security filter chains. All API test classes share this one context (and database).
 * Only the classpath configuration is read: ./config/application.yaml, which Boot reads when run
 * from the repository root, would otherwise override the test profile with the file database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "spring.config.location=classpath:/")
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface ApiTest {
}
