package org.methodportal.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class PortalUserDetailsService implements UserDetailsService {

    private final AccountService accounts;

    PortalUserDetailsService(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.loadPrincipal(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown login"));
    }
}
