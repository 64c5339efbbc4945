package org.methodportal.account.ui;

import org.methodportal.account.AccountService;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.SignInObligation;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** Change one's own password: the current one is required, the new one is typed twice. */
@Route("profile/password")
@PermitAll
public class PasswordView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField next = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button save = new Button();

    private final transient CurrentUser currentUser;

    PasswordView(AccountService accounts, CurrentUser currentUser) {
        this.currentUser = currentUser;
        setId("password-view");
        addClassName("portal-page");
        setMaxWidth("32rem");
        current.setId("password-current");
        current.setLabel(getTranslation("account.password.current"));
        next.setId("password-new");
        next.setLabel(getTranslation("account.password.new"));
        next.setHelperText(getTranslation("account.password.rule", AccountService.MIN_PASSWORD_LENGTH));
        repeat.setId("password-repeat");
        repeat.setLabel(getTranslation("account.password.repeat"));
        for (PasswordField f : new PasswordField[] {current, next, repeat}) {
            f.setWidthFull();
            f.setRequired(true);
        }
        save.setText(getTranslation("account.password.save"));
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> change(accounts));
        add(new H2(getTranslation("account.password.title")));
        if (mustChange()) {
            Paragraph note = new Paragraph(getTranslation("account.password.must-change"));
            note.setId("password-must-change");
            note.addClassName("portal-help");
            add(note);
        }
        add(current, next, repeat, save);
    }

    private boolean mustChange() {
        return currentUser.find().filter(u -> u.obligations().contains(SignInObligation.CHANGE_PASSWORD))
                .isPresent();
    }

    private void change(AccountService accounts) {
        resetValidation();
        if (next.getValue().length() < AccountService.MIN_PASSWORD_LENGTH) {
            next.setErrorMessage(getTranslation("error.account.password-too-short", AccountService.MIN_PASSWORD_LENGTH));
            next.setInvalid(true);
            return;
        }
        if (!next.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("account.password.mismatch"));
            repeat.setInvalid(true);
            return;
        }
        try {
            boolean wasRequired = mustChange();
            accounts.changeOwnPassword(current.getValue(), next.getValue());
            current.clear();
            next.clear();
            repeat.clear();
            // Clearing required fields marks them invalid; after a success nothing is wrong.
            resetValidation();
            Notifications.success(getTranslation("account.password.changed"));
            if (wasRequired) {
                // on to the start page, or to what the sign-in still needs first (a second factor)
                UI.getCurrent().navigate("");
            }
        } catch (PortalException ex) {
            PasswordField target = "account.password-wrong".equals(ex.code()) ? current : next;
            target.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
            target.setInvalid(true);
        }
    }

    private void resetValidation() {
        for (PasswordField f : new PasswordField[] {current, next, repeat}) {
            f.setInvalid(false);
            f.setErrorMessage(null);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.password.title") + " | " + getTranslation("app.name");
    }
}
