package org.methodportal.bench;

import java.io.IOException;
import java.time.Duration;

import org.methodportal.e2e.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person who signs in, opens the method list and walks away: a headless Chromium of its own
 * (own profile, so own session), killed at the end instead of closed, so that the page never says
 * goodbye and the portal keeps the session and its Vaadin UI as for an open tab.
 */
final class KilledBrowser {

    private KilledBrowser() {
    }

    static void signInAndLeave(String base, String login, String password) throws IOException {
        Browser browser = Browser.startOwn();
        try {
            var wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            browser.driver.get(base + "login");
            WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("vaadin-login-form input[name='username']")));
            username.sendKeys(login);
            browser.driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
            browser.driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
            wait.until(ExpectedConditions.stalenessOf(username));
            browser.open(base + "methods");
        } finally {
            browser.killHard();
        }
    }
}
