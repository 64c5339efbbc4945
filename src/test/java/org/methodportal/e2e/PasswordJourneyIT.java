package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.AccountFilter;
import org.methodportal.account.AccountService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.SystemAuthentication;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A user changes their own password from the user menu's page. */
class PasswordJourneyIT extends JourneySupport {

    private static final String NEW_PASSWORD = "budget-2026-spring";

    @Autowired
    AccountService accounts;
    @Autowired
    SystemAuthentication system;

    @Test
    void userChangesOwnPasswordAndSignsInWithTheNewOne() {
        signIn("secretary", DEMO_PASSWORD);
        browser.open(url("profile/password"));

        fill("password-current", "not-my-password");
        fill("password-new", NEW_PASSWORD);
        fill("password-repeat", NEW_PASSWORD);
        browser.waitFor(By.id("password-save")).click();
        waitForFieldError("password-current", "当前密码不正确");

        fill("password-current", DEMO_PASSWORD);
        fill("password-new", "short");
        fill("password-repeat", "short");
        browser.waitFor(By.id("password-save")).click();
        waitForFieldError("password-new", "至少需要 12 个字符");

        fill("password-new", "password1234");
        fill("password-repeat", "password1234");
        browser.waitFor(By.id("password-save")).click();
        waitForFieldError("password-new", "太容易被猜到");

        fill("password-new", NEW_PASSWORD);
        fill("password-repeat", NEW_PASSWORD);
        browser.waitFor(By.id("password-save")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("vaadin-notification-card"), "密码已修改"));
        assertThat(browser.driver.findElement(By.id("password-current")).getDomAttribute("invalid")).isNull();
        browser.screenshot("password-changed");
        // The browser that changed the password stays signed in: its next click goes on as before.
        browser.waitFor(By.id("nav-home")).click();
        assertThat(browser.waitFor(By.id("home-greeting")).getText()).isEqualTo("您好，李书记");

        browser.signOutHard();
        signIn("secretary", DEMO_PASSWORD);
        assertThat(loginError()).contains("登录名或密码不正确");
        signIn("secretary", NEW_PASSWORD);
        assertThat(browser.waitFor(By.id("home-greeting")).getText()).isEqualTo("您好，李书记");
    }

    /** Other journeys sign in as the secretary with the demo password. */
    @AfterEach
    void restoreDemoPassword() {
        system.runAsSystem(() -> {
            long id = accounts.find(new AccountFilter("secretary", null, null, null, null), new PageRequest(0, 10, "login", true))
                    .stream().filter(a -> a.login().equals("secretary")).findFirst().orElseThrow().id();
            accounts.resetPassword(id, DEMO_PASSWORD);
        });
    }

    private void fill(String id, String value) {
        WebElement input = browser.waitFor(By.id(id)).findElement(By.cssSelector("input"));
        input.clear();
        input.sendKeys(value);
    }

    private void waitForFieldError(String id, String text) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#" + id + " [slot='error-message']"), text));
    }
}
