package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.methodportal.account.AccountForm;
import org.methodportal.account.AccountService;
import org.methodportal.shared.PortalProperties;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.Role;
import org.methodportal.shared.SystemAuthentication;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import dev.samstevens.totp.code.DefaultCodeGenerator;

/**
 * A production installation's first hour, as its administrator goes through it: the portal has no
 * account, so its address leads to the setup page; with the key from the start-up log (here, from
 * the file beside the database) the administrator is created, signs in and must set up two-step
 * verification before anything else. Then someone whose password the administrator handed over
 * must choose their own first.
 */
@TestPropertySource(properties = {"portal.seed.demo=false", "portal.data-dir=target/test-data/setup-journey-${random.uuid}",
        "portal.security.mfa.required-roles=ADMIN", "portal.account.change-handed-over-passwords=true"})
class SetupJourneyIT extends JourneySupport {

    private static final String ADMIN_PASSWORD = "copper-heron-window-58";

    @Autowired
    PortalProperties portal;
    @Autowired
    AccountService accounts;
    @Autowired
    SystemAuthentication system;
    @Autowired
    UserDetailsService users;

    @Test
    void theFirstAdministratorIsCreatedWithTheSetupKeyAndSetsUpTwoStepVerificationFirst() throws Exception {
        browser.open(url(""));
        browser.waitFor(By.id("setup-view"));
        browser.screenshot("setup-page");
        String key = Files.readString(portal.dataDir().resolve("setup-key.txt")).strip();

        fill("setup-key", "ABCDE-FGHJK-LMNPQ-RSTUV");
        fill("setup-login", "root");
        fill("setup-display-name", "王管理");
        fill("setup-department", "市委办公厅");
        fill("setup-branch", "机关第一党支部");
        fill("setup-password", ADMIN_PASSWORD);
        fill("setup-password-repeat", ADMIN_PASSWORD);
        browser.driver.findElement(By.id("setup-create")).click();
        browser.waitForTextContaining(By.cssSelector("#setup-key [slot='error-message']"), "设置密钥不正确");

        fill("setup-key", key);
        browser.driver.findElement(By.id("setup-create")).click();
        browser.waitFor(By.id("login-view"));

        signIn("root", ADMIN_PASSWORD);
        browser.waitFor(By.id("profile-view"));
        browser.waitForTextContaining(By.id("mfa-status"), "必须使用两步验证");
        assertThat(browser.isPresent(By.id("side-nav")) && browser.driver.findElement(By.id("side-nav")).isDisplayed())
                .as("no menu before the second factor").isFalse();
        browser.screenshot("setup-must-enrol");
        browser.open(url("admin/accounts"));
        browser.waitFor(By.id("profile-view"));

        browser.waitFor(By.id("mfa-start")).click();
        String secret = browser.waitFor(By.id("mfa-manual-key")).getText().replace(" ", "");
        fill("mfa-enrol-code", code(secret));
        browser.driver.findElement(By.id("mfa-enrol-confirm")).click();
        browser.waitFor(By.id("mfa-recovery-codes"));
        browser.driver.findElement(By.id("mfa-recovery-done")).click();
        browser.waitFor(By.id("home-greeting"));
        assertThat(browser.driver.findElement(By.id("side-nav")).isDisplayed()).isTrue();

        PortalUser root = (PortalUser) users.loadUserByUsername("root");
        assertThat(root.obligations()).isEmpty();
        system.callAs(root, () -> accounts.create(new AccountForm("newmember", "新党员", root.branchId(),
                EnumSet.of(Role.MEMBER), Set.of()), "handed-over-pass-2026"));

        browser.signOutHard();
        signIn("newmember", "handed-over-pass-2026");
        browser.waitFor(By.id("password-must-change"));
        browser.screenshot("setup-must-change-password");
        browser.open(url("methods"));
        browser.waitFor(By.id("password-must-change"));
        fill("password-current", "handed-over-pass-2026");
        fill("password-new", "my-own-lantern-ferry-17");
        fill("password-repeat", "my-own-lantern-ferry-17");
        browser.driver.findElement(By.id("password-save")).click();
        browser.waitFor(By.id("home-greeting"));
    }

    private void fill(String id, String value) {
        WebElement input = browser.waitFor(By.id(id)).findElement(By.cssSelector("input"));
        input.clear();
        input.sendKeys(value);
    }

    private static String code(String key) throws Exception {
        return new DefaultCodeGenerator().generate(key, Math.floorDiv(Instant.now().getEpochSecond(), 30));
    }
}
