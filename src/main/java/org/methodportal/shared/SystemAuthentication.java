package org.methodportal.shared;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs start-up and background work (demo data, imports) as the built-in "system" user or as a
 * given account, so that it goes through the same secured and audited services as everyone else.
 */
@Component
public class SystemAuthentication {

    public static final String LOGIN = "system";
    /** No account row has it: the system user exists only in memory. */
    public static final long ACCOUNT_ID = 0;

    private final CurrentUser currentUser;

    SystemAuthentication(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    public <T> T callAsSystem(Supplier<T> work) {
        return callAs(new PortalUser(ACCOUNT_ID, LOGIN, LOGIN, null, true, 0, 0, Set.of(Role.ADMIN), Set.of(),
                Locale.SIMPLIFIED_CHINESE), work);
    }

    /**
     * Runs work as the given account, e.g. the demo data written by the demo accounts, or an import
     * continuing in the background for the administrator who started it.
     */
    public <T> T callAs(PortalUser user, Supplier<T> work) {
        SecurityContextHolderStrategy holder = currentUser.strategy();
        SecurityContext previous = holder.getContext();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        holder.setContext(context);
        try {
            return work.get();
        } finally {
            holder.setContext(previous);
        }
    }

    public void runAsSystem(Runnable work) {
        callAsSystem(() -> {
            work.run();
            return null;
        });
    }
}
