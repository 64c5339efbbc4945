package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.methodportal.account.AccountFilter;
import org.methodportal.account.AccountService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.SystemAuthentication;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** An administrator sets up a department, a branch and an account; the new person signs in. */
class AdminJourneyIT extends JourneySupport {

    @Autowired
    AccountService accounts;
    @Autowired
    SystemAuthentication system;

    @Test
    void adminCreatesDepartmentBranchAndAccountAndTheNewMemberSignsIn() {
        signIn("admin", DEMO_PASSWORD);
        browser.waitFor(By.id("home-greeting"));

        browser.open(url("admin/departments"));
        browser.waitFor(By.id("department-create")).click();
        type(By.id("department-name"), "旅游局");
        type(By.id("department-code"), "CNTA");
        save(By.id("department-save"));
        waitForGridText("旅游局");
        browser.screenshot("admin-departments");

        browser.open(url("admin/branches"));
        browser.waitFor(By.id("branch-create")).click();
        pick(By.id("branch-department"), "旅游局");
        type(By.id("branch-name"), "市场司党支部");
        save(By.id("branch-save"));
        waitForGridText("市场司党支部");
        browser.screenshot("admin-branches");

        browser.open(url("admin/accounts"));
        browser.waitFor(By.id("account-create")).click();
        type(By.id("account-login"), "liuxin");
        type(By.id("account-display-name"), "刘新");
        pick(By.id("account-branch"), "市场司党支部");
        // 党员 is ticked for a new account; make this one a secretary as well.
        browser.waitFor(By.xpath("//*[@id='account-roles']//vaadin-checkbox//label[normalize-space()='支部书记']"))
                .click();
        type(By.id("account-password"), "lantern-ferry-2026");
        save(By.id("account-save"));
        type(By.id("filter"), "lx");
        waitForGridText("liuxin");
        browser.screenshot("admin-accounts");

        // a backup of the running portal, downloaded from its page, shows in the audit trail
        browser.open(url("admin/backup"));
        browser.waitFor(By.id("backup-download")).click();
        browser.screenshot("admin-backup");

        browser.open(url("admin/audit"));
        waitForGridText("account.created");
        waitForGridText("backup.taken");
        browser.screenshot("admin-audit");

        browser.signOutHard();
        signIn("liuxin", "lantern-ferry-2026");
        assertThat(browser.waitFor(By.id("home-greeting")).getText()).isEqualTo("您好，刘新");
        assertThat(browser.isPresent(By.id("home-role-secretary"))).isTrue();
        assertThat(browser.isPresent(By.id("nav-admin-accounts"))).isFalse();

        // The administrator disables the account (after confirming); it can no longer sign in.
        browser.signOutHard();
        signIn("admin", DEMO_PASSWORD);
        browser.open(url("admin/accounts"));
        type(By.id("filter"), "liuxin");
        waitForGridText("liuxin");
        // The filtered grid re-renders its rows: look the button up again if a re-render replaced it.
        By toggle = By.id("account-toggle-" + accountId("liuxin"));
        // A click that lands while the row is being replaced (or not yet laid out) is lost: click again
        // until the dialog opens.
        By confirm = By.xpath("//vaadin-confirm-dialog//vaadin-button[@slot='confirm-button'] | "
                + "//vaadin-button[@slot='confirm-button']");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .ignoring(ElementClickInterceptedException.class).ignoring(ElementNotInteractableException.class)
                .until(d -> {
                    if (d.findElements(confirm).stream().noneMatch(WebElement::isDisplayed)) {
                        d.findElement(toggle).click();
                        browser.waitForVaadin();
                    }
                    return d.findElements(confirm).stream().anyMatch(WebElement::isDisplayed);
                });
        browser.waitFor(confirm).click();
        waitForGridText("已停用");
        browser.signOutHard();
        signIn("liuxin", "lantern-ferry-2026");
        assertThat(loginError()).contains("账号已停用");
    }

    @Test
    void duplicateLoginIsExplainedAndTheDialogKeepsTheInput() {
        signIn("admin", DEMO_PASSWORD);
        browser.open(url("admin/accounts"));
        browser.waitFor(By.id("account-create")).click();
        type(By.id("account-login"), "member");
        type(By.id("account-display-name"), "重名测试");
        pick(By.id("account-branch"), "预算司党支部");
        type(By.id("account-password"), "lantern-ferry-2026");
        browser.waitFor(By.id("account-save")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("account-login"), "已被使用"));
        assertThat(browser.driver.findElement(By.cssSelector("#account-display-name input")).getDomProperty("value"))
                .isEqualTo("重名测试");
        browser.screenshot("admin-duplicate-login");
    }

    private long accountId(String login) {
        return system.callAsSystem(() -> accounts.find(new AccountFilter(login, null, null, null, null),
                new PageRequest(0, 10, "login", true)).stream().filter(a -> a.login().equals(login)).findFirst()
                .orElseThrow().id());
    }

    /** Clicks a dialog's save button and waits until the dialog (and its closing animation) is gone. */
    private void save(By saveButton) {
        browser.waitFor(saveButton).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.invisibilityOfElementLocated(saveButton));
        browser.waitForVaadin();
    }

    /** Types into a combo box and takes the first item whose label contains the text. */
    private void pick(By comboBox, String label) {
        WebElement input = browser.waitFor(comboBox).findElement(By.cssSelector("input"));
        input.sendKeys(label);
        browser.waitFor(By.xpath("//vaadin-combo-box-item[contains(normalize-space(), '" + label + "')]")).click();
        browser.waitForVaadin();
    }

    private void waitForGridText(String text) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(
                "#grid vaadin-grid-cell-content")).stream().anyMatch(c -> c.getText().contains(text)));
    }
}
