package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.methodportal.adoption.AdoptionReminders;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.shared.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 一抓到底 in the browser: a secretary adopts a published demo method for their branch with a plan,
 * later reports that it works, and a member reading the method sees where it is used, the rating
 * and the report. And the reminder: a secretary of another department records an adoption begun
 * longer ago than portal.adoption.report-after-days, the hourly check reminds the branch (run here
 * by the journey, as the schedule is off in tests), the secretary follows the reminder to the
 * method, reports, and the method's author hears of it.
 */
class AdoptionJourneyIT extends JourneySupport {

    private static final String TITLE = "“接地气”工作法";
    /** 审计署's method, adopted in the demo data by 预算司党支部 (secretary) but not by secretary2's branch. */
    private static final String FOREIGN_TITLE = "“支点”工作法";
    /** Past the default portal.adoption.report-after-days (90). */
    private static final int DAYS_AGO = 100;

    @Autowired
    MethodService methods;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    AdoptionReminders reminders;
    @Autowired
    SystemAuthentication system;

    @Test
    void aSecretaryAdoptsAMethodReportsOnItAndAMemberSeesWhereItIsUsed() {
        long id = publishedId(TITLE);

        signIn("secretary2", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        browser.waitForTextContaining(By.id("adoption-count"), "还没有支部采用");
        click(By.id("adoption-adopt"));
        present(By.id("adoption-adopt-dialog"));
        type(By.id("adoption-plan"), "先在种植业管理司试行，支委分片负责，每季度总结一次");
        browser.screenshot("adoption-adopt");
        click(By.id("adoption-adopt-confirm"));
        browser.waitForTextContaining(By.id("adoption-own"), "本支部自");
        assertThat(browser.waitFor(By.id("adoption-count")).getText()).contains("已有 1 个支部采用");
        assertThat(browser.isPresent(By.id("adoption-adopt"))).as("adopted once at a time").isFalse();

        click(By.id("adoption-report"));
        present(By.id("adoption-report-dialog"));
        chooseRadio("adoption-status", "见效");
        chooseRadio("adoption-rating", "5");
        type(By.id("adoption-outcome"), "走访群众的次数翻了一番，反映的问题当月都有回音");
        type(By.id("adoption-participants"), "23");
        click(By.id("adoption-report-confirm"));
        browser.waitForTextContaining(By.id("adoption-reports"), "走访群众的次数翻了一番");
        assertThat(browser.waitFor(By.id("adoption-own")).getText()).contains("已报告 1 次");

        browser.signOutHard();
        signIn("member", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        WebElement section = present(By.id("method-adoption"));
        browser.js("arguments[0].scrollIntoView({block: 'start'});", section);
        assertThat(browser.waitFor(By.id("adoption-count")).getText()).contains("已有 1 个支部采用", "5.0");
        assertThat(browser.waitFor(By.id("adoption-departments")).getText()).contains("农业部 1 个支部");
        assertThat(browser.waitFor(By.id("adoption-reports")).getText())
                .contains("种植业管理司党支部", "见效", "5 分", "走访群众的次数翻了一番");
        assertThat(browser.isPresent(By.id("adoption-adopt"))).as("members do not adopt").isFalse();
        browser.screenshot("adoption-member");
    }

    @Test
    void aBranchThatOwesAReportIsRemindedReportsAndTheAuthorHearsOfIt() {
        long id = publishedId(FOREIGN_TITLE);
        LocalDate startedOn = LocalDate.now().minusDays(DAYS_AGO);
        String reminder = "本支部采用《" + FOREIGN_TITLE + "》已有一段时间没有报告，请报告采用情况";

        // secretary2 (农业部) records that the branch began with 审计署's method 100 days ago
        signIn("secretary2", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        browser.waitForTextContaining(By.id("adoption-count"), "已有 1 个支部采用");
        click(By.id("adoption-adopt"));
        present(By.id("adoption-adopt-dialog"));
        typeDate(By.id("adoption-started-on"), startedOn);
        type(By.id("adoption-plan"), "在种植业管理司的项目审核中按“支点”设临时党小组，每月碰头一次");
        click(By.id("adoption-adopt-confirm"));
        browser.waitForTextContaining(By.id("adoption-own"), "本支部自 " + startedOn + " 起采用");
        assertThat(browser.waitFor(By.id("adoption-count")).getText()).contains("已有 2 个支部采用");
        assertThat(browser.waitFor(By.id("adoption-own-due")).getText()).contains("已 90 天以上未报告");
        scrollTo(By.id("method-adoption"));
        browser.screenshot("adoption-due-badge");

        // the hourly check finds the adoption and reminds the branch's secretaries
        int found = system.callAsSystem(reminders::remindDue);
        assertThat(found).as("due adoptions reminded").isPositive();

        browser.open(url(""));
        WebElement adoptionsBlock = present(By.id("home-adoptions"));
        WebElement dueItem = adoptionsBlock.findElement(By.xpath(".//li[.//a[normalize-space()='" + FOREIGN_TITLE
                + "']]"));
        assertThat(dueItem.getText()).contains("自 " + startedOn + " 起采用", "尚未报告采用情况", "待报告");
        assertThat(dueItem.findElements(By.cssSelector(".home-due"))).hasSize(1);
        Matcher title = Pattern.compile("本支部采用的工作法（(\\d+)，(\\d+) 项待报告）")
                .matcher(adoptionsBlock.findElement(By.tagName("h3")).getText());
        assertThat(title.find()).as("home-adoptions title counts the due ones").isTrue();
        assertThat(Integer.parseInt(title.group(2)))
                .isEqualTo(adoptionsBlock.findElements(By.cssSelector(".home-items .home-due")).size());
        scrollTo(By.id("home-adoptions"));
        browser.screenshot("adoption-home-due");

        // the reminder is delivered after the check's transaction, by the notification module
        By reminderLink = By.xpath("//section[@id='home-notifications']//a[normalize-space()='" + reminder + "']");
        reloadUntilPresent("", reminderLink);
        scrollTo(By.id("home-notifications"));
        browser.screenshot("adoption-reminder-notification");
        click(reminderLink);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith("/methods/" + id + "?focus=method-adoption"));
        browser.waitForVaadin();
        present(By.id("adoption-own-due"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> isInView(By.id("method-adoption")));

        // secretary2 reports that it works
        click(By.id("adoption-report"));
        present(By.id("adoption-report-dialog"));
        chooseRadio("adoption-status", "见效");
        chooseRadio("adoption-rating", "4");
        type(By.id("adoption-outcome"), "审核项目的临时党小组每月碰头，退回重报的材料比上季度少了三成");
        click(By.id("adoption-report-confirm"));
        browser.waitForTextContaining(By.id("adoption-reports"), "退回重报的材料比上季度少了三成");
        assertThat(browser.waitFor(By.id("adoption-own")).getText()).contains("已报告 1 次");
        assertThat(browser.isPresent(By.id("adoption-own-due"))).as("due badge after the report").isFalse();
        assertThat(browser.waitFor(By.id("adoption-count")).getText()).contains("已有 2 个支部采用", "4.0");
        assertThat(browser.waitFor(By.id("adoption-departments")).getText()).contains("财政部 1 个支部", "农业部 1 个支部");
        assertThat(browser.waitFor(By.xpath("//div[@id='adoption-reports']/div[contains(., '退回重报的材料比上季度少了三成')]"))
                .getText()).contains("种植业管理司党支部", "见效", "4 分");
        scrollTo(By.id("method-adoption"));
        browser.screenshot("adoption-reported");

        browser.open(url(""));
        WebElement reported = present(By.xpath("//section[@id='home-adoptions']//li[.//a[normalize-space()='"
                + FOREIGN_TITLE + "']]"));
        assertThat(reported.getText()).contains("已报告 1 次").doesNotContain("待报告");

        // the author of the demo methods (admin) hears of the report
        browser.signOutHard();
        signIn("admin", DEMO_PASSWORD);
        By reportedNotice = By.xpath("//vaadin-grid[@id='notifications']//span[contains(normalize-space(), "
                + "'报告了《" + FOREIGN_TITLE + "》的采用情况')]");
        reloadUntilPresent("notifications", reportedNotice);
        assertThat(browser.driver.findElement(reportedNotice).getDomAttribute("class")).contains("notification-unread");

        // a reviewer's home page: the review queue and the most adopted methods, no branch adoptions
        browser.signOutHard();
        signIn("reviewer", DEMO_PASSWORD);
        browser.open(url(""));
        present(By.id("home-reviews"));
        browser.waitForTextContaining(By.id("home-most-adopted"), FOREIGN_TITLE);
        assertThat(browser.isPresent(By.id("home-adoptions"))).as("reviewers adopt nothing").isFalse();
    }

    /** Types the date into the picker's field as a person would, in the portal's format, and confirms it. */
    private void typeDate(By picker, LocalDate date) {
        WebElement input = present(picker).findElement(By.cssSelector("input"));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        input.sendKeys(date.toString());
        input.sendKeys(Keys.ENTER);
        browser.waitForVaadin();
        assertThat(input.getDomProperty("value")).isEqualTo(date.toString());
    }

    private void scrollTo(By by) {
        browser.js("arguments[0].scrollIntoView({block: 'start'});", present(by));
    }

    private boolean isInView(By by) {
        return Boolean.TRUE.equals(browser.js("""
                const r = arguments[0].getBoundingClientRect();
                return r.top < window.innerHeight && r.bottom > 0;
                """, present(by)));
    }

    /** Opens the page again until the element shows (for what another module delivers after a transaction). */
    private void reloadUntilPresent(String path, By by) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(1)).until(d -> {
            browser.open(url(path));
            return browser.isPresent(by);
        });
    }

    private long publishedId(String title) {
        TestUsers.signInAs(users, securityContexts, "member");
        try {
            List<MethodSummary> found = methods.find(new MethodFilter(null, null, MethodStatus.PUBLISHED, null, null,
                    false, title), new PageRequest(0, 5, "updatedAt", false));
            return found.stream().filter(m -> m.title().equals(title)).findFirst().orElseThrow().id();
        } finally {
            securityContexts.clearContext();
        }
    }
}
