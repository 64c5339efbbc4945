package org.methodportal.account;

import java.util.EnumSet;

import org.methodportal.shared.PortalUser;
import org.methodportal.shared.SignInObligation;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** The principal for a password sign-in, with what its user must do before anything else. */
@Component
class PortalUserDetailsService implements UserDetailsService {

    private final AccountService accounts;
    private final MfaService mfa;

    PortalUserDetailsService(AccountService accounts, MfaService mfa) {
        this.accounts = accounts;
        this.mfa = mfa;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        PortalUser user = accounts.loadPrincipal(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown login"));
        if (mfa.isRequired(user) && !mfa.isEnrolled(user.id())) {
            var obligations = EnumSet.of(SignInObligation.ENROL_SECOND_FACTOR);
            obligations.addAll(user.obligations());
            user.oblige(obligations);
        }
        return user;
    }
}
