package org.methodportal.account.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import org.methodportal.account.AccountService;
import org.methodportal.account.ApiTokenService;
import org.methodportal.account.MfaService;
import org.methodportal.account.AccountSummary;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.Role;
import org.methodportal.ui.Languages;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;

import jakarta.annotation.security.PermitAll;

/**
 * The signed-in user's own account: who they are, their language, whether they watch the methods
 * they take part in automatically, a link to change the password, two-step verification and their
 * API tokens.
 */
@Route("profile")
@PermitAll
public class ProfileView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    final RadioButtonGroup<Locale> language = new RadioButtonGroup<>();
    final Checkbox autoWatch = new Checkbox();

    ProfileView(AccountService accounts, ApiTokenService tokens, MfaService mfa, CurrentUser currentUser) {
        setId("profile-view");
        addClassName("portal-page");
        AccountSummary me = accounts.me();
        boolean settingUp = currentUser.find().filter(u -> !u.obligations().isEmpty()).isPresent();
        FormLayout details = new FormLayout();
        details.addFormItem(new Span(me.displayName()), getTranslation("account.field.displayName"));
        details.addFormItem(new Span(me.login()), getTranslation("account.field.login"));
        details.addFormItem(new Span(me.departmentName()), getTranslation("account.field.department"));
        details.addFormItem(new Span(me.branchName()), getTranslation("account.field.branch"));
        details.addFormItem(new Span(me.roles().stream().sorted().map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining("、"))), getTranslation("account.field.roles"));
        details.addFormItem(new Span(me.lastLoginAt() == null ? "—" : TIME.format(me.lastLoginAt())),
                getTranslation("account.field.lastLoginAt"));

        language.setId("profile-language");
        language.setLabel(getTranslation("account.field.language"));
        language.setItems(Languages.ALL);
        language.setItemLabelGenerator(Languages::label);
        language.setValue(getLocale().getLanguage().equals("en") ? Languages.ENGLISH : Languages.CHINESE);
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                accounts.changeOwnLocale(e.getValue());
                Languages.rememberForSession(VaadinSession.getCurrent(), e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });

        autoWatch.setId("profile-auto-watch");
        autoWatch.setLabel(getTranslation("account.profile.auto-watch"));
        autoWatch.setHelperText(getTranslation("account.profile.auto-watch-help"));
        autoWatch.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                accounts.changeOwnAutoWatch(e.getValue());
                Notifications.success(getTranslation(e.getValue() ? "account.profile.auto-watch-on"
                        : "account.profile.auto-watch-off"));
            }
        });

        Button password = new Button(getTranslation("shell.user.password"),
                e -> UI.getCurrent().navigate(PasswordView.class));
        password.setId("profile-change-password");
        add(new H2(getTranslation("account.profile.title")), details, language);
        if (settingUp) {
            // what the sign-in still needs (a second factor), not yet the rest of the account
            MfaSection second = new MfaSection(mfa);
            second.onRecoveryCodesSaved(() -> UI.getCurrent().navigate(""));
            add(second);
        } else {
            autoWatch.setValue(accounts.autoWatches(me.id()));
            add(autoWatch, password, new MfaSection(mfa),
                    new ApiTokensSection(tokens, me.roles().contains(Role.ADMIN)));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.profile.title") + " | " + getTranslation("app.name");
    }
}
