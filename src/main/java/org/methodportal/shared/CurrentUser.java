package org.methodportal.shared;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Reads the signed-in {@link PortalUser} (UI and API alike) through the application's
 * {@link SecurityContextHolderStrategy}, the same one method security uses. Vaadin installs its own
 * strategy per application context; reading the static holder would miss it when several contexts
 * share a JVM, as they do in tests.
 */
@Component
public class CurrentUser {

    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    CurrentUser(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.strategy = strategy;
    }

    public Optional<PortalUser> find() {
        Optional<PortalUser> user = principal(strategy().getContext().getAuthentication());
        return user.isPresent() ? user : principal(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The signed-in user; services call this where only authenticated callers may come. */
    public PortalUser require() {
        return find().orElseThrow(() -> PortalException.forbidden("auth.required"));
    }

    /**
     * Puts this principal in place of the signed-in one, in the security context the session keeps,
     * e.g. when the user's own rights changed through this very session.
     */
    public void replace(PortalUser user) {
        SecurityContext context = strategy().getContext();
        Authentication previous = context.getAuthentication();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        authentication.setDetails(previous == null ? null : previous.getDetails());
        context.setAuthentication(authentication);
    }

    SecurityContextHolderStrategy strategy() {
        return strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    private static Optional<PortalUser> principal(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof PortalUser user ? Optional.of(user) : Optional.empty();
    }
}
