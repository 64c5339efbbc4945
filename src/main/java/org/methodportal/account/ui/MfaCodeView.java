package org.methodportal.account.ui;

import java.time.Instant;

import org.methodportal.account.MfaSignIn;
import org.methodportal.account.SignInThrottledException;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.servlet.http.HttpSession;

/**
 * The second step of signing in: the code from the authenticator app, or one of the recovery
 * codes. Reached from the login view after a right password; open to anyone, since the session
 * is not signed in yet, but without a pending sign-in it sends the visitor back to the login view.
 */
@Route(value = MfaCodeView.PATH, autoLayout = false)
@AnonymousAllowed
public class MfaCodeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String PATH = "login/code";

    final TextField code = new TextField();
    final Button submit = new Button();
    final Button cancel = new Button();
    private final transient MfaSignIn signIn;
    private final transient AuthenticationContext authentication;

    MfaCodeView(MfaSignIn signIn, AuthenticationContext authentication) {
        this.signIn = signIn;
        this.authentication = authentication;
        setId("mfa-code-view");
        addClassName("portal-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        code.setId("mfa-code");
        code.setLabel(getTranslation("login.code.field"));
        code.setHelperText(getTranslation("login.code.help"));
        code.setMaxLength(40);
        // the server alone says whether a code is right; no client-side check resets its verdict
        code.setManualValidation(true);
        code.setWidthFull();
        code.setAutofocus(true);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        submit.setId("mfa-code-submit");
        submit.setText(getTranslation("login.code.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> submit());
        cancel.setId("mfa-code-cancel");
        cancel.setText(getTranslation("login.code.cancel"));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> {
            signIn.cancel(VaadinServletRequest.getCurrent().getHttpServletRequest().getSession());
            UI.getCurrent().navigate(LoginView.class);
        });

        H1 title = new H1(getTranslation("app.name"));
        title.addClassName("portal-login-title");
        Div card = new Div(title, new H2(getTranslation("login.code.title")),
                new Paragraph(getTranslation("login.code.text")), code, new HorizontalLayout(submit, cancel));
        card.addClassName("portal-login-card");
        add(card);
    }

    private void submit() {
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        var response = VaadinServletResponse.getCurrent().getHttpServletResponse();
        try {
            switch (signIn.complete(request, response, code.getValue())) {
                // a new page load, so that the whole UI starts over signed in
                case SIGNED_IN -> UI.getCurrent().getPage().setLocation(request.getContextPath() + "/");
                case WRONG_CODE -> {
                    code.clear();
                    code.setErrorMessage(getTranslation("login.code.wrong"));
                    code.setInvalid(true);
                }
                case EXPIRED -> UI.getCurrent().navigate(LoginView.class);
            }
        } catch (SignInThrottledException e) {
            code.setErrorMessage(getTranslation("login.code.throttled", e.retryAfterSeconds(Instant.now())));
            code.setInvalid(true);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        HttpSession session = VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(false);
        if (session == null || signIn.pendingLogin(session).isEmpty()) {
            event.forwardTo(LoginView.class);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.code.title") + " | " + getTranslation("app.name");
    }
}
