package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 内容复核 in the browser: a reviewer sets the published methods of a tag due for review with a
 * reason (after seeing how many it sets), finds the method in the 待复核 list and on the home page,
 * reads the banner on its page; a member sees the banner but may not confirm; the reviewer
 * confirms it with a note and the method is no longer due.
 */
class RecheckJourneyIT extends JourneySupport {

    /** On one published demo method only: 国土资源部's “三抓四比”工作法, which reviewer reviews. */
    private static final String TAG = "比学赶超";
    private static final String TITLE = "“三抓四比”工作法";
    private static final String DEPARTMENT = "国土资源部";
    private static final String REASON = "相关政策调整，请对照复核";
    private static final String NOTE = "已对照新政策逐条核对，做法仍然适用";
    /** Display name of the demo login reviewer. */
    private static final String REVIEWER_NAME = "王审核";

    @Autowired
    Clock clock;

    @Test
    void aReviewerSetsATagDueAMemberSeesTheBannerAndTheReviewerConfirms() {
        LocalDate today = LocalDate.now(clock);

        // The reviewer opens 待复核 from the menu and sets the tag's methods due with a reason.
        signIn("reviewer", DEMO_PASSWORD);
        present(By.id("home-rechecks"));
        browser.waitFor(By.id("nav-rechecks")).click();
        browser.waitFor(By.id("recheck-list-view"));
        browser.waitForVaadin();
        assertThat(rowsOf("recheck-grid")).noneMatch(row -> row.contains(TITLE));
        click(By.id("recheck-set-due"));
        present(By.id("recheck-set-due-dialog"));
        chooseRadio("recheck-scope", "按标签");
        browser.waitFor(By.id("recheck-tag"));
        type(By.id("recheck-tag"), TAG);
        browser.waitForText(By.id("recheck-count"), "将把 1 个已发布的工作法设为今天待复核。");
        type(By.id("recheck-reason"), REASON);
        WebElement confirm = present(By.id("recheck-set-due-confirm"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> confirm.getDomAttribute("disabled") == null);
        browser.screenshot("recheck-set-due-dialog");
        click(By.id("recheck-set-due-confirm"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("recheck-set-due-dialog")));
        browser.waitForTextContaining(By.tagName("vaadin-notification-card"), "已将 1 个工作法设为待复核。");

        // The list shows the method with the reason, due today.
        String row = new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> rowsOf("recheck-grid").stream()
                .filter(r -> r.contains(TITLE)).findFirst().orElse(null));
        assertThat(row).contains(DEPARTMENT, today.toString(), "今天到期", REASON);
        assertThat(browser.waitFor(By.id("recheck-summary")).getText()).contains("个工作法待复核");
        browser.screenshot("recheck-list");

        // So does the home page; its link opens the method at the banner.
        browser.open(url(""));
        WebElement homeBlock = present(By.id("home-rechecks"));
        assertThat(homeBlock.findElement(By.tagName("h3")).getText()).matches("待复核（\\d+）");
        By homeLink = By.xpath("//section[@id='home-rechecks']//a[normalize-space()='" + TITLE + "']");
        WebElement item = present(By.xpath("//section[@id='home-rechecks']//li[.//a[normalize-space()='" + TITLE + "']]"));
        assertThat(item.getText()).contains("应于 " + today + " 前复核", DEPARTMENT);
        click(homeLink);
        long id = methodIdFromFocusAddress();
        String bannerText = "内容待复核（" + today + " 起）：" + REASON + "（" + REVIEWER_NAME + "设置）";
        browser.waitForText(By.id("recheck-banner-text"), bannerText);
        browser.waitFor(By.id("recheck-confirm"));
        // 提出修改: a change request where the reviewer may propose one, else a comment asking the author
        assertThat(browser.isPresent(By.id("recheck-propose"))).as("the reviewer's 提出修改").isTrue();
        browser.screenshot("recheck-banner-reviewer");

        // A member reads the same banner but has nothing to confirm.
        browser.signOutHard();
        signIn("member", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        browser.waitForText(By.id("recheck-banner-text"), bannerText);
        assertThat(browser.isPresent(By.id("recheck-confirm"))).as("members do not confirm").isFalse();
        assertThat(browser.isPresent(By.id("recheck-propose"))).as("no propose button in the banner").isFalse();
        browser.screenshot("recheck-banner-member");

        // The reviewer confirms it is still valid, with a note: the banner goes and stays gone.
        browser.signOutHard();
        signIn("reviewer", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        browser.waitForText(By.id("recheck-banner-text"), bannerText);
        click(By.id("recheck-confirm"));
        present(By.id("recheck-confirm-dialog"));
        type(By.id("recheck-note"), NOTE);
        click(By.id("recheck-confirm-save"));
        browser.waitForTextContaining(By.tagName("vaadin-notification-card"), "已确认，下次复核日期为 ");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("method-recheck-banner")));
        // the dialog closes with an animation: wait for it rather than look at once
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("recheck-confirm-dialog")));
        browser.screenshot("recheck-confirmed");
        browser.open(url("methods/" + id));
        browser.waitFor(By.id("method-page"));
        assertThat(browser.isPresent(By.id("method-recheck-banner"))).as("banner after a reload").isFalse();

        // Neither the list nor the home page shows it any more.
        browser.open(url("rechecks"));
        browser.waitFor(By.id("recheck-list-view"));
        assertThat(browser.waitFor(By.id("recheck-summary")).getText()).isNotBlank();
        assertThat(rowsOf("recheck-grid")).noneMatch(r -> r.contains(TITLE));
        browser.open(url(""));
        present(By.id("home-rechecks"));
        assertThat(browser.isPresent(By.xpath("//section[@id='home-rechecks']//a[normalize-space()='" + TITLE + "']")))
                .as("on the home page after confirming").isFalse();
    }

    /** The method id in the address of a method page opened with a focus parameter (or without). */
    private long methodIdFromFocusAddress() {
        Pattern page = Pattern.compile("/methods/(\\d+)(\\?.*)?$");
        String address = new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> page.matcher(d.getCurrentUrl()).find() ? d.getCurrentUrl() : null);
        browser.waitForVaadin();
        Matcher matcher = page.matcher(address);
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
