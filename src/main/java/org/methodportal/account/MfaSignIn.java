package org.methodportal.account;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The second step of signing in to the UI. After a right password for an account with a second
 * factor the session holds no authentication, only the pending one, here: the session is as
 * anonymous as before for every view and service, and only the code page can finish the sign-in.
 * The pending sign-in lapses after {@link #PENDING_FOR}, and finishing it gives the session a new id.
 */
@Component
public class MfaSignIn {

    private static final Logger log = LoggerFactory.getLogger(MfaSignIn.class);
    static final String PENDING = MfaSignIn.class.getName() + ".pending";
    static final Duration PENDING_FOR = Duration.ofMinutes(5);

    private final MfaService mfa;
    private final AccountService accounts;
    private final Clock clock;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    MfaSignIn(MfaService mfa, AccountService accounts, Clock clock,
              ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.mfa = mfa;
        this.accounts = accounts;
        this.clock = clock;
        this.strategy = strategy;
    }

    /** How a code entry ended. */
    public enum Outcome {
        SIGNED_IN, WRONG_CODE, EXPIRED
    }

    private record Pending(Authentication authentication, Instant since) implements Serializable {
    }

    /** Remembers a right password of an account with a second factor until its code is entered. */
    void begin(HttpServletRequest request, Authentication authentication) {
        request.getSession(true).setAttribute(PENDING, new Pending(authentication, clock.instant()));
    }

    /** The login whose code the session waits for, if it waits for one. */
    public Optional<String> pendingLogin(HttpSession session) {
        return pending(session).map(p -> p.authentication().getName());
    }

    /**
     * Finishes the pending sign-in with a code from the app or a recovery code; throws
     * {@link SignInThrottledException} while wrong codes make the login wait.
     */
    public Outcome complete(HttpServletRequest request, HttpServletResponse response, String code) {
        HttpSession session = request.getSession(false);
        Optional<Pending> pending = session == null ? Optional.empty() : pending(session);
        if (pending.isEmpty()) {
            return Outcome.EXPIRED;
        }
        Authentication authentication = pending.get().authentication();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : request.getRemoteAddr();
        if (!mfa.verifySignIn(authentication.getName(), code, address)) {
            return Outcome.WRONG_CODE;
        }
        session.removeAttribute(PENDING);
        request.changeSessionId();
        // Kept in the session only: the code page reloads the whole UI, which then reads it from there.
        SecurityContext context = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)
                .createEmptyContext();
        context.setAuthentication(authentication);
        contexts.saveContext(context, request, response);
        accounts.signedIn(authentication.getName(), address);
        log.info("{} signed in with a second factor", authentication.getName());
        return Outcome.SIGNED_IN;
    }

    /** Forgets the pending sign-in, e.g. to sign in as someone else. */
    public void cancel(HttpSession session) {
        session.removeAttribute(PENDING);
    }

    private Optional<Pending> pending(HttpSession session) {
        if (!(session.getAttribute(PENDING) instanceof Pending pending)) {
            return Optional.empty();
        }
        if (pending.since().plus(PENDING_FOR).isBefore(clock.instant())) {
            session.removeAttribute(PENDING);
            return Optional.empty();
        }
        return Optional.of(pending);
    }
}
