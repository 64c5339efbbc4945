package org.methodportal.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service method that a signed-in user may call while they still have a
 * {@link SignInObligation} to meet: what the pages that meet them need (their own account, password,
 * language and second factor), nothing else.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SignInSetup {
}
