package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.RevisionSummary;
import org.methodportal.method.WorkingCopy;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.shared.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A secretary drafts a method with every field, is told what is missing, saves, edits and saves
 * again; another finds her autosaved text again after losing the session.
 */
class MethodEditorJourneyIT extends JourneySupport {

    private static final Pattern SAVED_URL = Pattern.compile("/methods/(\\d+)$");

    @Autowired
    MethodService methods;

    @Autowired
    SystemAuthentication system;

    @Autowired
    UserDetailsService users;

    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    void secretaryDraftsAMethodWithAllFieldsAndSavesASecondRevision() {
        signIn("secretary", DEMO_PASSWORD);
        browser.waitFor(By.id("nav-methods-new")).click();
        browser.waitFor(By.id("method-title"));
        browser.waitForVaadin();
        // The origin defaults to the author's own branch.
        assertThat(value(By.id("method-branch"))).contains("预算司党支部");

        type(By.id("method-title"), "三色台账工作法");
        type(By.id("method-summary"), "用红黄绿三色台账跟踪群众诉求。");
        choose(By.id("method-category"), "践行群众路线");
        type(By.id("method-concept"), "把群众的事当成自己的事。");
        type(By.id("method-measures-0"), "建立诉求台账");
        click(By.id("method-measures-add"));
        browser.waitForVaadin();
        type(By.id("method-measures-1"), "每周按颜色督办");
        type(By.id("method-steps-0"), "收集诉求并登记");
        click(By.id("method-steps-add"));
        browser.waitForVaadin();
        type(By.id("method-steps-1"), "办结后回访销号");
        type(By.id("method-outcomes"), "诉求办结率明显提高。");
        type(By.id("method-applicability"), "适用于联系群众较多的支部。");
        WebElement tagInput = browser.waitFor(By.id("method-tags")).findElement(By.cssSelector("input"));
        tagInput.sendKeys("台账管理");
        tagInput.sendKeys(Keys.ENTER);
        // Close the suggestion list, which would otherwise lie over the fields below it.
        tagInput.sendKeys(Keys.ESCAPE);
        browser.waitForVaadin();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(
                ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-multi-select-combo-box-overlay[opened]")));
        type(By.id("method-body"), "## 背景\n\n每月复盘一次。");
        type(By.id("method-change-note"), "初稿");
        // The preview renders the Markdown as readers will see it.
        browser.waitForText(By.cssSelector("#method-body-preview h2"), "背景");
        browser.screenshot("method-editor-filled");

        // Saving without the problem: the message stands next to the field, nothing typed is lost.
        click(By.id("method-save"));
        WebElement problem = browser.driver.findElement(By.id("method-problem"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(
                "return arguments[0].invalid === true;", problem)));
        assertThat(browser.js("return arguments[0].errorMessage;", problem)).isEqualTo("请填写针对问题。");
        browser.js("arguments[0].scrollIntoView({block: 'center'});", problem);
        browser.screenshot("method-editor-problem-missing");
        assertThat(value(By.id("method-title"))).isEqualTo("三色台账工作法");
        assertThat(value(By.id("method-measures-1"))).isEqualTo("每周按颜色督办");

        type(By.id("method-problem"), "群众诉求多，办理进度不透明。");
        click(By.id("method-save"));
        long id = savedMethodId();

        browser.open(url("methods/" + id + "/edit"));
        browser.waitForText(By.id("method-editor-heading"), "修改工作法：三色台账工作法（当前第 1 版）");
        assertThat(value(By.id("method-problem"))).isEqualTo("群众诉求多，办理进度不透明。");
        assertThat(value(By.id("method-steps-1"))).isEqualTo("办结后回访销号");
        type(By.id("method-problem"), "群众诉求多、分散，办理进度不透明。");
        type(By.id("method-change-note"), "细化针对问题");
        browser.screenshot("method-editor-edit");
        // Ctrl+S saves as the button does.
        browser.driver.findElement(By.cssSelector("#method-change-note input")).sendKeys(Keys.chord(Keys.CONTROL, "s"));
        assertThat(savedMethodId()).isEqualTo(id);

        List<RevisionSummary> history = system.callAsSystem(() -> methods.revisions(id));
        assertThat(history).extracting(RevisionSummary::number).containsExactly(2, 1);
        MethodContent first = system.callAsSystem(() -> methods.revision(id, 1)).content();
        assertThat(first).isEqualTo(new MethodContent("三色台账工作法", "用红黄绿三色台账跟踪群众诉求。",
                Category.MASS_LINE, "群众诉求多，办理进度不透明。", "把群众的事当成自己的事。",
                List.of("建立诉求台账", "每周按颜色督办"), List.of("收集诉求并登记", "办结后回访销号"),
                "诉求办结率明显提高。", "适用于联系群众较多的支部。", List.of("台账管理"), "## 背景\n\n每月复盘一次。"));
        MethodContent second = system.callAsSystem(() -> methods.revision(id, 2)).content();
        assertThat(second.problem()).isEqualTo("群众诉求多、分散，办理进度不透明。");
        assertThat(second.measures()).isEqualTo(first.measures());
        assertThat(history.getFirst().changeNote()).isEqualTo("细化针对问题");
        assertThat(history.getLast().changeNote()).isEqualTo("初稿");
    }

    /**
     * The working copy is written on the autosave interval (2 s in the test profile) and survives the
     * session: after the cookies are gone, as after a browser crash, and a new sign-in, the editor offers it.
     */
    @Test
    void autosavedWorkingCopyIsOfferedAfterTheSessionIsLost() {
        String title = "自动保存旅程法" + System.nanoTime() % 100_000;
        signIn("secretary2", DEMO_PASSWORD);
        browser.open(url("methods/new"));
        browser.waitFor(By.id("method-title"));
        browser.waitForVaadin();
        type(By.id("method-title"), title);
        type(By.id("method-problem"), "还没写完就断了网。");

        // The poll may already have saved the title alone: wait for the copy with the problem too.
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> workingCopyOfSecretary2()
                .contains("还没写完就断了网。"));
        // The status line is at the top of the editor, scrolled away while typing further down.
        WebElement status = present(By.id("method-autosave-status"));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", status);
        assertThat(status.getDomProperty("textContent")).startsWith("已自动保存");

        browser.signOutHard();
        signIn("secretary2", DEMO_PASSWORD);
        browser.open(url("methods/new"));
        browser.waitFor(By.id("method-restore-dialog"));
        browser.waitForVaadin();
        browser.screenshot("method-editor-restore-offered");
        click(By.id("method-restore"));

        assertThat(value(By.id("method-title"))).isEqualTo(title);
        assertThat(value(By.id("method-problem"))).isEqualTo("还没写完就断了网。");
        browser.screenshot("method-editor-restored");

        // Leave nothing behind for other journeys of this account.
        TestUsers.signInAs(users, securityContexts, "secretary2");
        try {
            methods.discardWorkingCopy(null);
        } finally {
            securityContexts.clearContext();
        }
    }

    /** What the server holds as secretary2's working copy of a new method (empty when none). */
    private String workingCopyOfSecretary2() {
        TestUsers.signInAs(users, securityContexts, "secretary2");
        try {
            return methods.workingCopy(null).map(WorkingCopy::content).orElse("");
        } finally {
            securityContexts.clearContext();
        }
    }

    /** Waits for the editor to navigate to the saved method's page and reads its id from the address. */
    private long savedMethodId() {
        String address = new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> SAVED_URL.matcher(d.getCurrentUrl()).find() ? d.getCurrentUrl() : null);
        browser.waitForVaadin();
        Matcher matcher = SAVED_URL.matcher(address);
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** Opens a select and clicks the item with this label. */
    private void choose(By select, String label) {
        browser.waitFor(select).click();
        browser.waitFor(By.xpath("//vaadin-select-item[normalize-space()='" + label + "']")).click();
        browser.waitForVaadin();
    }
}
