package org.methodportal.shared;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the signed-in {@link PortalUser} from the security context (UI and API alike). */
@Component
public class CurrentUser {

    public Optional<PortalUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof PortalUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in user; services call this where only authenticated callers may come. */
    public PortalUser require() {
        return find().orElseThrow(() -> PortalException.forbidden("auth.required"));
    }
}
