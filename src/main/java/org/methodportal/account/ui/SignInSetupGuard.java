package org.methodportal.account.ui;

import java.util.Set;

import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.SignInObligation;
import org.springframework.stereotype.Component;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Takes a signed-in user who must first change a handed-over password to the password page, and
 * one whose roles require a second factor that is not set up to the profile page (where it is set
 * up), from wherever they go, until they have. Reads the session's principal only (no query). The
 * services refuse such users' other calls as well; this is what makes the pages lead the way.
 */
@Component
class SignInSetupGuard implements VaadinServiceInitListener {

    private static final Set<Class<?>> SIGN_IN = Set.of(LoginView.class, MfaCodeView.class);

    private final CurrentUser currentUser;

    SignInSetupGuard(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        Set<SignInObligation> pending = currentUser.find().map(PortalUser::obligations).orElse(Set.of());
        Class<?> target = event.getNavigationTarget();
        if (pending.isEmpty() || SIGN_IN.contains(target)) {
            return;
        }
        if (pending.contains(SignInObligation.CHANGE_PASSWORD)) {
            if (target != PasswordView.class) {
                event.rerouteTo(PasswordView.class);
            }
        } else if (target != ProfileView.class && target != PasswordView.class) {
            event.rerouteTo(ProfileView.class);
        }
    }
}
