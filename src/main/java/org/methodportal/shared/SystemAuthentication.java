package org.methodportal.shared;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs start-up work (demo data, imports from the command line) as the built-in "system" user, so
 * that it goes through the same secured and audited services as everyone else.
 */
public final class SystemAuthentication {

    public static final String LOGIN = "system";

    private SystemAuthentication() {
    }

    public static <T> T callAsSystem(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        PortalUser system = new PortalUser(0, LOGIN, LOGIN, null, true, 0, 0, Set.of(Role.ADMIN), Set.of(),
                Locale.SIMPLIFIED_CHINESE);
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(system, null,
                system.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAsSystem(Runnable work) {
        callAsSystem(() -> {
            work.run();
            return null;
        });
    }
}
