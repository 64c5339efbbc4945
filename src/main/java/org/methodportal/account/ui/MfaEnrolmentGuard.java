package org.methodportal.account.ui;

import java.util.Set;

import org.methodportal.account.MfaService;
import org.springframework.stereotype.Component;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Takes a signed-in user whose roles require two-step verification, and who has not set it up,
 * to the profile page (where it is set up) from wherever they go, until they have. Costs no query
 * for accounts whose roles do not require it.
 */
@Component
class MfaEnrolmentGuard implements VaadinServiceInitListener {

    private static final Set<Class<?>> ALLOWED = Set.of(ProfileView.class, PasswordView.class, LoginView.class,
            MfaCodeView.class);

    private final MfaService mfa;

    MfaEnrolmentGuard(MfaService mfa) {
        this.mfa = mfa;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        if (!ALLOWED.contains(event.getNavigationTarget()) && mfa.mustEnrol()) {
            event.rerouteTo(ProfileView.class);
        }
    }
}
