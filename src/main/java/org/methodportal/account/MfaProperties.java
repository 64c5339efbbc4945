package org.methodportal.account;

import java.util.Set;

import org.methodportal.shared.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.security.mfa.*}: the roles whose accounts must sign in with a second factor (an
 * account holding any of them is taken to enrolment first; others may enrol voluntarily), and the
 * issuer an authenticator app shows next to the login.
 */
@ConfigurationProperties("portal.security.mfa")
public record MfaProperties(@DefaultValue({"REVIEWER", "ADMIN"}) Set<Role> requiredRoles,
                            @DefaultValue("支部工作法库") String issuer) {

    /** Whether an account with these roles must sign in with a second factor. */
    public boolean requires(Set<Role> roles) {
        return roles.stream().anyMatch(requiredRoles::contains);
    }
}
