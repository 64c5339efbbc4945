package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.AccountForm;
import org.methodportal.account.AccountService;
import org.methodportal.account.AccountSummary;
import org.methodportal.shared.Role;
import org.methodportal.shared.SystemAuthentication;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people at once: an administrator takes the administrator role from another one who is
 * signed in, later disables the account; each time the other's next click lands on the login
 * page, which says why.
 */
class SessionJourneyIT extends JourneySupport {

    private static final String PASSWORD = "session-2026";

    @Autowired
    AccountService accounts;
    @Autowired
    SystemAuthentication system;

    Browser other;

    @AfterEach
    void signOutTheOther() {
        if (other != null) {
            other.signOutHard();
        }
    }

    @Test
    void demotedAdministratorsNextClickLandsOnTheLoginPageAndADisabledOnesToo() throws IOException {
        AccountSummary account = system.callAsSystem(() -> accounts.create(new AccountForm(
                "zhouhang" + System.nanoTime() % 100_000, "周航", branchOfAdmin(), Set.of(Role.MEMBER, Role.ADMIN),
                Set.of()), PASSWORD));
        other = Browser.second();
        other.signOutHard();
        signIn(other, account.login(), PASSWORD);
        other.open(url("admin/accounts"));
        other.waitFor(By.id("accounts-view"));
        assertThat(other.isPresent(By.id("nav-admin-audit"))).isTrue();

        signIn("admin", DEMO_PASSWORD);
        browser.open(url("admin/accounts"));
        type(By.id("filter"), account.login());
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(
                "#grid vaadin-grid-cell-content")).stream().anyMatch(c -> c.getText().contains(account.login())));
        // A click that lands while the filtered grid replaces its rows is lost: click until the editor opens.
        By edit = By.id("account-edit-" + account.id());
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    if (d.findElements(By.id("account-roles")).isEmpty()) {
                        click(edit);
                    }
                    return !d.findElements(By.id("account-roles")).isEmpty();
                });
        browser.waitFor(By.xpath("//*[@id='account-roles']//vaadin-checkbox//label[normalize-space()='管理员']"))
                .click();
        browser.waitFor(By.id("account-save")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("account-save")));

        // The demoted administrator's page still shows the administration; the next click ends that.
        other.waitFor(By.id("nav-admin-audit")).click();
        waitForLoginPage(other);
        assertThat(loginError(other)).contains("您的账号权限已变更，请重新登录");
        other.screenshot("session-rights-changed");

        signIn(other, account.login(), PASSWORD);
        other.waitFor(By.id("home-greeting"));
        assertThat(other.isPresent(By.id("nav-admin-accounts"))).as("signed in again with the new rights").isFalse();

        AccountSummary demoted = system.callAsSystem(() -> accounts.get(account.id()));
        system.runAsSystem(() -> accounts.setEnabled(account.id(), false, demoted.version()));
        // Another request of the page comes first (as Vaadin's heartbeat may) and ends the session;
        // the click after it still lands on the login page with the reason.
        assertThat(other.js("return fetch('" + url("methods") + "').then(r => r.url);")).asString()
                .endsWith("/login");
        other.waitFor(By.id("nav-methods")).click();
        waitForLoginPage(other);
        assertThat(loginError(other)).contains("账号已停用");
        other.screenshot("session-disabled");
    }

    private static void waitForLoginPage(Browser browser) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/login"));
        browser.waitFor(By.id("login-form"));
        browser.waitForVaadin();
    }

    private long branchOfAdmin() {
        return system.callAsSystem(() -> accounts.findRefByLogin("admin").map(ref -> accounts.get(ref.id()))
                .orElseThrow().branchId());
    }
}
