package org.methodportal.account.ui;

import java.util.List;
import java.util.function.Function;

import org.methodportal.account.MfaEnrolment;
import org.methodportal.account.MfaService;
import org.methodportal.account.MfaStatus;
import org.methodportal.shared.PortalException;
import org.methodportal.ui.Notifications;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The profile page's two-step verification: its status, setting it up (QR code or the key typed by
 * hand, confirmed with a first code; then the recovery codes, shown once), new recovery codes, and
 * turning it off where the roles allow; the last two need a current code.
 */
class MfaSection extends VerticalLayout {

    private final MfaService mfa;
    private Runnable afterRecoveryCodesSaved = () -> { };
    final Paragraph status = new Paragraph();
    final Button start = new Button();
    final Button renew = new Button();
    final Button disable = new Button();
    final Span manualKey = new Span();
    final TextField code = new TextField();
    final TextArea recoveryCodes = new TextArea();

    MfaSection(MfaService mfa) {
        this.mfa = mfa;
        setId("profile-mfa");
        setPadding(false);
        status.setId("mfa-status");
        start.setId("mfa-start");
        start.setText(getTranslation("account.mfa.start"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> openEnrolment());
        renew.setId("mfa-renew");
        renew.setText(getTranslation("account.mfa.renew"));
        renew.addClickListener(e -> askCode("account.mfa.renew", current -> {
            showRecoveryCodes(mfa.renewRecoveryCodes(current));
            return true;
        }));
        disable.setId("mfa-disable");
        disable.setText(getTranslation("account.mfa.disable"));
        disable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        disable.addClickListener(e -> askCode("account.mfa.disable", current -> {
            mfa.disable(current);
            Notifications.success(getTranslation("account.mfa.disabled"));
            return true;
        }));
        Paragraph help = new Paragraph(getTranslation("account.mfa.help"));
        help.addClassName("portal-help");
        add(new H3(getTranslation("account.mfa.title")), help, status, new HorizontalLayout(start, renew, disable));
        refresh();
    }

    /** What happens once the user has saved the recovery codes of a new enrolment, e.g. to go on after sign-in setup. */
    void onRecoveryCodesSaved(Runnable next) {
        this.afterRecoveryCodesSaved = next;
    }

    private void refresh() {
        MfaStatus now = mfa.status();
        if (now.enrolled()) {
            status.setText(getTranslation("account.mfa.status.on", ProfileView.TIME.format(now.enrolledAt()),
                    now.unusedRecoveryCodes()));
        } else {
            status.setText(getTranslation(now.required() ? "account.mfa.status.required" : "account.mfa.status.off"));
        }
        start.setVisible(!now.enrolled());
        renew.setVisible(now.enrolled());
        disable.setVisible(now.enrolled() && !now.required());
    }

    private void openEnrolment() {
        MfaEnrolment enrolment;
        try {
            enrolment = mfa.startEnrolment();
        } catch (PortalException ex) {
            Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            refresh();
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("mfa-enrol-dialog");
        dialog.setHeaderTitle(getTranslation("account.mfa.start"));
        dialog.setCloseOnOutsideClick(false);
        Image qr = new Image(enrolment.qrCodeDataUri(), getTranslation("account.mfa.qr-alt"));
        qr.setId("mfa-qr");
        qr.setWidth("14em");
        qr.setHeight("14em");
        manualKey.setId("mfa-manual-key");
        manualKey.setText(enrolment.manualKey());
        manualKey.addClassName("portal-mono");
        code.setId("mfa-enrol-code");
        code.setLabel(getTranslation("account.mfa.code"));
        code.setMaxLength(10);
        code.setManualValidation(true);
        code.clear();
        code.setInvalid(false);
        Button confirm = new Button(getTranslation("account.mfa.confirm"), e -> {
            try {
                List<String> recovery = mfa.confirmEnrolment(code.getValue());
                dialog.close();
                refresh();
                showRecoveryCodes(recovery);
            } catch (PortalException ex) {
                code.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                code.setInvalid(true);
            }
        });
        confirm.setId("mfa-enrol-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        Button cancel = new Button(getTranslation("account.mfa.cancel"), e -> dialog.close());
        dialog.add(new VerticalLayout(new Paragraph(getTranslation("account.mfa.scan")), qr,
                new Paragraph(getTranslation("account.mfa.manual")), manualKey, code));
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        code.focus();
    }

    /** Asks for a current code, then runs the action with it; a refused code keeps the dialog open. */
    private void askCode(String titleKey, Function<String, Boolean> action) {
        Dialog dialog = new Dialog();
        dialog.setId("mfa-code-dialog");
        dialog.setHeaderTitle(getTranslation(titleKey));
        TextField current = new TextField(getTranslation("account.mfa.code"));
        current.setId("mfa-current-code");
        current.setMaxLength(10);
        current.setManualValidation(true);
        Button ok = new Button(getTranslation("account.mfa.confirm"), e -> {
            try {
                if (action.apply(current.getValue())) {
                    dialog.close();
                    refresh();
                }
            } catch (PortalException ex) {
                current.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                current.setInvalid(true);
            }
        });
        ok.setId("mfa-current-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClickShortcut(Key.ENTER);
        Button cancel = new Button(getTranslation("account.mfa.cancel"), e -> dialog.close());
        dialog.add(new Paragraph(getTranslation("account.mfa.current-help")), current);
        dialog.getFooter().add(cancel, ok);
        dialog.open();
        current.focus();
    }

    private void showRecoveryCodes(List<String> codes) {
        Dialog dialog = new Dialog();
        dialog.setId("mfa-recovery-dialog");
        dialog.setHeaderTitle(getTranslation("account.mfa.recovery-title"));
        dialog.setCloseOnOutsideClick(false);
        dialog.setCloseOnEsc(false);
        String text = String.join("\n", codes);
        recoveryCodes.setId("mfa-recovery-codes");
        recoveryCodes.setReadOnly(true);
        recoveryCodes.setWidth("22em");
        recoveryCodes.setValue(text);
        Button copy = new Button(getTranslation("account.mfa.copy"), e -> {
            recoveryCodes.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", text);
            Notifications.success(getTranslation("account.mfa.copied"));
        });
        copy.setId("mfa-recovery-copy");
        Button done = new Button(getTranslation("account.mfa.done"), e -> {
            recoveryCodes.clear();
            dialog.close();
            afterRecoveryCodesSaved.run();
        });
        done.setId("mfa-recovery-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("account.mfa.recovery-text")), recoveryCodes);
        dialog.getFooter().add(copy, done);
        dialog.open();
    }
}
