package org.methodportal.shared;

import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.TestSecurityContextHolder;

/**
 * Signing in inside a test, for accounts the test itself created (seeded accounts can use
 * {@code @WithUserDetails("admin")}); spring-security-test clears the context after each test.
 */
public final class TestUsers {

    private TestUsers() {
    }

    /**
     * Puts the account's principal into the security context, as a successful sign-in would: into
     * the application's own strategy (the one method security reads) and the test holder.
     */
    public static PortalUser signInAs(UserDetailsService users, SecurityContextHolderStrategy strategy, String login) {
        PortalUser user = (PortalUser) users.loadUserByUsername(login);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        TestSecurityContextHolder.setAuthentication(authentication);
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(authentication);
        strategy.setContext(context);
        return user;
    }

    /**
     * Signs out of the application's strategy and of the static holders too: {@link #signInAs}
     * writes through the latter, whose strategy may be another test context's.
     */
    public static void signOut(SecurityContextHolderStrategy strategy) {
        strategy.clearContext();
        SecurityContextHolder.clearContext();
        TestSecurityContextHolder.clearContext();
    }

    /** A login name no other test uses, valid for {@code AccountService}. */
    public static String uniqueLogin() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
