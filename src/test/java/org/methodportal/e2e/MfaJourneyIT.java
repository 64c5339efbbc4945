package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.methodportal.account.AccountForm;
import org.methodportal.account.AccountService;
import org.methodportal.shared.Role;
import org.methodportal.shared.SystemAuthentication;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import dev.samstevens.totp.code.DefaultCodeGenerator;

/**
 * Two-step verification as a reviewer uses it: set up on the profile page with the key typed into
 * an "app" (the test computes the codes), then signing in with password and code, and once with a
 * recovery code, which does not work a second time. A new reviewer account, so that the other
 * journeys' demo accounts keep signing in with their password.
 */
class MfaJourneyIT extends JourneySupport {

    @Autowired
    AccountService accounts;
    @Autowired
    SystemAuthentication system;

    @Test
    void aReviewerSetsUpTwoStepVerificationAndSignsInWithACodeAndOnceWithARecoveryCode() throws Exception {
        String login = "mfa" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        system.runAsSystem(() -> accounts.create(new AccountForm(login, "两步审核员", 1, Set.of(Role.REVIEWER),
                Set.of()), DEMO_PASSWORD));

        signIn(login, DEMO_PASSWORD);
        browser.waitFor(By.id("home-greeting"));
        browser.open(url("profile"));
        browser.waitFor(By.id("mfa-start")).click();
        browser.waitFor(By.id("mfa-qr"));
        String key = browser.waitFor(By.id("mfa-manual-key")).getText().replace(" ", "");
        fill("mfa-enrol-code", code(key, 0));
        browser.driver.findElement(By.id("mfa-enrol-confirm")).click();
        WebElement recoveryArea = browser.waitFor(By.id("mfa-recovery-codes"));
        List<String> recovery = String.valueOf(recoveryArea.getDomProperty("value")).lines().toList();
        assertThat(recovery).hasSize(10);
        browser.screenshot("mfa-recovery-codes");
        browser.driver.findElement(By.id("mfa-recovery-done")).click();
        browser.waitForTextContaining(By.id("mfa-status"), "剩余 10 个");

        browser.signOutHard();
        signIn(login, DEMO_PASSWORD);
        browser.waitFor(By.id("mfa-code-view"));
        assertThat(browser.driver.getCurrentUrl()).contains("login");
        browser.open(url("profile"));
        browser.waitFor(By.id("login-view"));
        // the session waits for the code still, from the login page as well
        signIn(login, DEMO_PASSWORD);
        browser.waitFor(By.id("mfa-code-view"));
        browser.screenshot("mfa-code");
        // the step after the enrolment's, which the server accepts as one step of drift
        fill("mfa-code", code(key, 1));
        browser.driver.findElement(By.id("mfa-code-submit")).click();
        browser.waitFor(By.id("home-greeting"));

        browser.signOutHard();
        signIn(login, DEMO_PASSWORD);
        browser.waitFor(By.id("mfa-code-view"));
        fill("mfa-code", recovery.getFirst());
        browser.driver.findElement(By.id("mfa-code-submit")).click();
        browser.waitFor(By.id("home-greeting"));

        browser.signOutHard();
        signIn(login, DEMO_PASSWORD);
        browser.waitFor(By.id("mfa-code-view"));
        fill("mfa-code", recovery.getFirst());
        browser.driver.findElement(By.id("mfa-code-submit")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#mfa-code [slot='error-message']"), "验证码不正确或已使用"));
        assertThat(browser.isPresent(By.id("home-greeting"))).isFalse();
        browser.screenshot("mfa-recovery-code-used");
    }

    private void fill(String id, String value) {
        WebElement input = browser.waitFor(By.id(id)).findElement(By.cssSelector("input"));
        input.clear();
        input.sendKeys(value);
    }

    /** What an authenticator app with this key shows, {@code steps} periods from now. */
    private static String code(String key, int steps) throws Exception {
        return new DefaultCodeGenerator().generate(key, Math.floorDiv(Instant.now().getEpochSecond(), 30) + steps);
    }
}
