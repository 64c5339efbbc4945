package org.methodportal.account;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.PortalUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in for the login view and HTTP Basic alike: asks the throttle before checking the
 * password, counts and audits failures and keeps no password hash in the session's principal. A
 * right password is not yet a sign-in (a second factor may follow): the callers record that.
 */
class PortalAuthenticationProvider extends DaoAuthenticationProvider {

    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;

    PortalAuthenticationProvider(PortalUserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle,
                                 ApplicationEventPublisher events) {
        super(users);
        setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = String.valueOf(authentication.getName());
        String address = clientAddress(authentication);
        SignInThrottle.Admission admission;
        try {
            admission = throttle.admit(login, address);
        } catch (SignInThrottledException e) {
            events.publishEvent(new LoginEvent.LoginFailed(login, LoginEvent.Reason.THROTTLED, address));
            throw e;
        }
        try {
            Authentication result = super.authenticate(authentication);
            // recorded and audited as a sign-in by the caller, once a second factor (if any) is checked too
            throttle.recordSuccess(login, address);
            return result;
        } catch (BadCredentialsException e) {
            // counted before the check ends, so that the next admitted check sees it
            throttle.recordFailure(login, address);
            events.publishEvent(new LoginEvent.LoginFailed(login, LoginEvent.Reason.BAD_CREDENTIALS, address));
            throw e;
        } catch (AccountStatusException e) {
            events.publishEvent(new LoginEvent.LoginFailed(login, LoginEvent.Reason.DISABLED, address));
            throw e;
        } finally {
            admission.close();
        }
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                                                         UserDetails user) {
        Object sessionPrincipal = user instanceof PortalUser portalUser ? portalUser.withoutPassword() : principal;
        return super.createSuccessAuthentication(sessionPrincipal, authentication, user);
    }

    static @Nullable String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }
}
