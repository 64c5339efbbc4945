package org.methodportal.account.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.methodportal.account.FirstAdministrator;
import org.methodportal.account.MfaPendingException;
import org.methodportal.account.SignInThrottledException;
import org.methodportal.account.SessionEndReason;
import org.methodportal.ui.Languages;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The Chinese-first sign-in page; explains a refused sign-in (wrong password, locked, disabled) and
 * why the portal ended the previous session (rights or password changed, account disabled).
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm form = new LoginForm();
    private final transient AuthenticationContext authentication;
    private final transient FirstAdministrator setup;

    LoginView(AuthenticationContext authentication, FirstAdministrator setup) {
        this.authentication = authentication;
        this.setup = setup;
        setId("login-view");
        addClassName("portal-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        form.setId("login-form");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n(null));

        H1 title = new H1(getTranslation("app.name"));
        title.addClassName("portal-login-title");
        Paragraph subtitle = new Paragraph(getTranslation("login.subtitle"));
        subtitle.addClassName("portal-login-subtitle");
        Div card = new Div(title, subtitle, form, languageSwitch());
        card.addClassName("portal-login-card");
        add(card);
    }

    private HorizontalLayout languageSwitch() {
        HorizontalLayout languages = new HorizontalLayout();
        languages.setId("login-languages");
        for (Locale locale : Languages.ALL) {
            Button b = new Button(Languages.label(locale), e -> {
                Languages.rememberForSession(VaadinSession.getCurrent(), locale);
                UI.getCurrent().getPage().reload();
            });
            b.setId("login-language-" + locale.getLanguage());
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            b.setEnabled(!locale.equals(getLocale()));
            languages.add(b);
        }
        return languages;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        if (setup.needed()) {
            // no account to sign in with yet: the installation's first administrator comes first
            event.forwardTo(SetupView.class);
            return;
        }
        WrappedSession session = VaadinSession.getCurrent().getSession();
        if (session.getAttribute(SessionEndReason.SESSION_ATTRIBUTE) instanceof SessionEndReason ended) {
            // Said once: the reason belongs to the session the portal ended, not to later visits.
            session.removeAttribute(SessionEndReason.SESSION_ATTRIBUTE);
            form.setI18n(i18n(ended));
            form.setError(true);
        }
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (failure instanceof MfaPendingException) {
                // the password was right; the sign-in goes on with the code
                session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
                event.forwardTo(MfaCodeView.class);
                return;
            }
            form.setI18n(i18n(failure));
            form.setError(true);
        }
    }

    private LoginI18n i18n(Object failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        if (failure instanceof SignInThrottledException throttled) {
            long seconds = throttled.retryAfterSeconds(Instant.now());
            error.setTitle(getTranslation("login.error.throttled.title"));
            error.setMessage(seconds < 120 ? getTranslation("login.error.throttled.seconds", seconds)
                    : getTranslation("login.error.throttled.minutes", (seconds + 59) / 60));
        } else if (failure == SessionEndReason.RIGHTS_CHANGED) {
            error.setTitle(getTranslation("login.ended.rights.title"));
            error.setMessage(getTranslation("login.ended.rights.text"));
        } else if (failure == SessionEndReason.PASSWORD_CHANGED) {
            error.setTitle(getTranslation("login.ended.password.title"));
            error.setMessage(getTranslation("login.ended.password.text"));
        } else if (failure instanceof DisabledException || failure == SessionEndReason.DISABLED) {
            error.setTitle(getTranslation("login.error.disabled.title"));
            error.setMessage(getTranslation("login.error.disabled.text"));
        } else {
            error.setTitle(getTranslation("login.error.bad.title"));
            error.setMessage(getTranslation("login.error.bad.text"));
        }
        i18n.setAdditionalInformation(null);
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " | " + getTranslation("app.name");
    }
}
