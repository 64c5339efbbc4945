package org.methodportal.account.ui;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.AccountService;
import org.methodportal.account.FirstAdministrator;
import org.methodportal.account.FirstAdministratorForm;
import org.methodportal.account.SignInThrottledException;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The first page of an installation without accounts: whoever has the setup key printed at start
 * creates the first administrator here. Once any account exists it only leads to the login view.
 */
@Route(value = SetupView.PATH, autoLayout = false)
@AnonymousAllowed
public class SetupView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String PATH = "setup";

    final TextField key = new TextField();
    final TextField login = new TextField();
    final TextField displayName = new TextField();
    final TextField department = new TextField();
    final TextField branch = new TextField();
    final PasswordField password = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button create = new Button();
    private final transient FirstAdministrator setup;

    SetupView(FirstAdministrator setup) {
        this.setup = setup;
        setId("setup-view");
        addClassName("portal-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        field(key, "setup-key", "setup.key", "setup.key-help");
        key.setAutofocus(true);
        field(login, "setup-login", "account.field.login", null);
        field(displayName, "setup-display-name", "account.field.displayName", null);
        field(department, "setup-department", "account.field.department", null);
        field(branch, "setup-branch", "account.field.branch", "setup.branch-help");
        password.setId("setup-password");
        password.setLabel(getTranslation("account.password.new"));
        password.setHelperText(getTranslation("account.password.rule", AccountService.MIN_PASSWORD_LENGTH));
        repeat.setId("setup-password-repeat");
        repeat.setLabel(getTranslation("account.password.repeat"));
        for (PasswordField f : new PasswordField[] {password, repeat}) {
            f.setRequired(true);
            f.setManualValidation(true);
        }
        create.setId("setup-create");
        create.setText(getTranslation("setup.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(e -> create());

        FormLayout form = new FormLayout(key, login, displayName, department, branch, password, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        H1 title = new H1(getTranslation("app.name"));
        title.addClassName("portal-login-title");
        Div card = new Div(title, new H2(getTranslation("setup.title")), new Paragraph(getTranslation("setup.text")),
                form, create);
        card.addClassNames("portal-login-card", "portal-setup-card");
        add(card);
    }

    private void field(TextField field, String id, String label, @Nullable String help) {
        field.setId(id);
        field.setLabel(getTranslation(label));
        if (help != null) {
            field.setHelperText(getTranslation(help));
        }
        field.setRequired(true);
        field.setManualValidation(true);
        field.setWidthFull();
    }

    private void create() {
        for (HasValidation f : List.<HasValidation>of(key, login, displayName, department, branch, password, repeat)) {
            f.setInvalid(false);
        }
        if (!password.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("account.password.mismatch"));
            repeat.setInvalid(true);
            return;
        }
        String address = VaadinServletRequest.getCurrent().getHttpServletRequest().getRemoteAddr();
        try {
            setup.create(new FirstAdministratorForm(key.getValue(), login.getValue(), displayName.getValue(),
                    department.getValue(), branch.getValue(), password.getValue()), address);
            Notifications.success(getTranslation("setup.created"));
            UI.getCurrent().navigate(LoginView.class);
        } catch (SignInThrottledException e) {
            key.setErrorMessage(getTranslation("login.code.throttled", e.retryAfterSeconds(Instant.now())));
            key.setInvalid(true);
        } catch (PortalException e) {
            TextField target = switch (e.code()) {
                case "setup.key-wrong" -> key;
                case "account.login-invalid", "account.login-taken" -> login;
                case "setup.field-required" -> firstBlank();
                default -> null;
            };
            String message = getTranslation(e.messageKey(), e.args());
            if (target != null) {
                target.setErrorMessage(message);
                target.setInvalid(true);
            } else if (e.code().startsWith("account.password")) {
                password.setErrorMessage(message);
                password.setInvalid(true);
            } else {
                Notifications.error(message);
            }
        }
    }

    private TextField firstBlank() {
        for (TextField f : new TextField[] {login, displayName, department, branch}) {
            if (f.getValue().isBlank()) {
                return f;
            }
        }
        return login;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!setup.needed()) {
            event.forwardTo(LoginView.class);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("setup.title") + " | " + getTranslation("app.name");
    }
}
