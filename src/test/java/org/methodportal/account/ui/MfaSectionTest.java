package org.methodportal.account.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.TestUsers.signInAs;
import static org.methodportal.shared.TestUsers.uniqueLogin;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.methodportal.account.AccountForm;
import org.methodportal.account.AccountService;
import org.methodportal.account.MfaService;
import org.methodportal.shared.MutableClock;
import org.methodportal.shared.Role;
import org.methodportal.shared.ServiceTest;
import org.methodportal.shared.SystemAuthentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.samstevens.totp.code.DefaultCodeGenerator;

/** Setting up two-step verification on the profile page, as a member would. */
@ServiceTest
@ViewPackages(classes = ProfileView.class)
class MfaSectionTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accounts;
    @Autowired
    MfaService mfa;
    @Autowired
    SystemAuthentication system;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    MutableClock clock;

    @Test
    void aMemberSetsItUpWithTheKeyAndAFirstCodeAndSeesTenRecoveryCodesOnce() throws Exception {
        String login = system.callAsSystem(() -> accounts.create(new AccountForm(uniqueLogin(), "页面两步", 1,
                Set.of(Role.MEMBER), Set.of()), "lantern-ferry-17")).login();
        signInAs(users, securityContexts, login);
        navigate(ProfileView.class);
        assertThat($(Paragraph.class).id("mfa-status").getText()).isEqualTo("未开启。");

        test($(Button.class).id("mfa-start")).click();
        assertThat($(Image.class).id("mfa-qr").getSrc()).startsWith("data:image/svg+xml;base64,");
        String key = $(Span.class).id("mfa-manual-key").getText().replace(" ", "");
        test($(TextField.class).id("mfa-enrol-code")).setValue(new DefaultCodeGenerator().generate(key,
                Math.floorDiv(clock.instant().getEpochSecond(), 30)));
        test($(Button.class).id("mfa-enrol-confirm")).click();

        assertThat($(TextArea.class).id("mfa-recovery-codes").getValue().lines()).hasSize(10);
        assertThat($(Paragraph.class).id("mfa-status").getText()).startsWith("已于").endsWith("剩余 10 个未使用的恢复码。");
        assertThat($(Button.class).withId("mfa-start").exists()).as("hidden").isFalse();
        assertThat($(Button.class).withId("mfa-disable").exists()).as("optional for members").isTrue();
        test($(Button.class).id("mfa-recovery-done")).click();
        assertThat($(TextArea.class).withId("mfa-recovery-codes").exists()).as("shown once").isFalse();
    }
}
