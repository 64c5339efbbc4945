package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.methodportal.adoption.AdoptionService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.proposal.ProposalService;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
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
 * 推广运用 in the browser: a reviewer designates a method of a department they review as 典型工作法,
 * promotes it to 财政部 and 农业部 after seeing how many branches it reaches, and lands on the
 * promotion page with nothing decided yet; secretary (财政部) finds it among the home page's
 * 推广待办 and declines with a reason, secretary2 (农业部) adopts it with a plan and the method page
 * shows the branch using it; the coverage page then counts both decisions per department; a member
 * sees the 典型工作法 badge on the method page and on the home page, but neither the coverage nor
 * the reviewer's buttons.
 *
 * <p>The journeys share one database and the demo methods a reviewer could promote are adopted or
 * changed by other journeys (and secretary2's branch uses some of them already, so 采用 would record
 * nothing), so the journey promotes a method of 审计署 of its own, published through the services.
 */
class PromotionJourneyIT extends JourneySupport {

    private static final String TITLE = "“一线审计”工作法";
    private static final String REASON = "把支部建在审计一线，项目组里党员带头攻坚，经验可复制";
    private static final String MESSAGE = "请各支部结合本司业务学习，两周内在门户上决定是否采用";
    private static final String DECLINE_REASON = "本司近期无外勤项目，待明年预算执行审计时再考虑";
    private static final String PLAN = "在种植业管理司的专项调研组中试行，每月支委会听取一次情况";
    private static final String SECRETARY_BRANCH = "预算司党支部";
    private static final String SECRETARY2_BRANCH = "种植业管理司党支部";
    private static final Scores SCORES = new Scores(4, 4, 4, 4, 4, 4);

    @Autowired
    MethodService methods;
    @Autowired
    ProposalService proposals;
    @Autowired
    ReviewService reviews;
    @Autowired
    AdoptionService adoptions;
    @Autowired
    SystemAuthentication system;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    Clock clock;

    @Test
    void aReviewerPromotesAnExemplarAndTheCoverageFillsAsSecretariesDecide() {
        long id = publishedMethodOfTheAuditOffice();

        // The reviewer designates the method 典型工作法 with a reason.
        signIn("reviewer", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        scrollTo(By.id("method-promotion"));
        present(By.id("promotion-none"));
        click(By.id("promotion-designate"));
        present(By.id("promotion-designate-dialog"));
        type(By.id("promotion-reason"), REASON);
        click(By.id("promotion-designate-save"));
        browser.waitForTextContaining(By.id("promotion-exemplar"), REASON);
        assertThat(browser.waitFor(By.cssSelector("#promotion-exemplar .promotion-exemplar-badge")).getText())
                .isEqualTo("典型工作法");
        assertThat(browser.isPresent(By.id("promotion-designate"))).as("designated once").isFalse();

        // ... and promotes it to two departments the reviewer reviews, seeing how many branches it reaches.
        click(By.id("promotion-start"));
        present(By.id("promotion-start-dialog"));
        WebElement confirm = present(By.id("promotion-start-confirm"));
        assertThat(confirm.getDomAttribute("disabled")).as("nothing chosen yet").isNotNull();
        chooseDepartment("财政部");
        browser.waitForTextContaining(By.id("promotion-reach"), "将推广到");
        long reachFinance = reach();
        chooseDepartment("农业部");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> reach() > reachFinance);
        long reached = reach();
        assertThat(reached).as("branches of 财政部 and 农业部").isGreaterThanOrEqualTo(2);
        assertThat(browser.waitFor(By.id("promotion-reach")).getText())
                .isEqualTo("将推广到 " + reached + " 个支部，每个支部的书记会在首页看到待办。");
        assertThat(browser.isPresent(By.cssSelector("#promotion-all:not([hidden])"))).as("all branches: admins only")
                .isFalse();
        type(By.id("promotion-message"), MESSAGE);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> confirm.getDomAttribute("disabled") == null);
        browser.screenshot("promotion-start-reach");
        click(By.id("promotion-start-confirm"));
        long promotion = promotionIdFromAddress();

        // The promotion page: the method, the scope, the message and the coverage, nothing decided yet.
        browser.waitForTextContaining(By.id("promotion-method"), TITLE);
        assertThat(browser.waitFor(By.id("promotion-meta")).getText()).contains("王审核", "财政部", "农业部");
        assertThat(browser.waitFor(By.id("promotion-message-text")).getText()).isEqualTo(MESSAGE);
        browser.waitForText(By.id("promotion-coverage-total"),
                "共推广到 " + reached + " 个支部：已决定 0 个（0%），采用 0 个，报告见效 0 个。");
        List<String> before = rowsOf("promotion-coverage");
        assertThat(before).hasSize(2);
        assertThat(row(before, "财政部")).startsWith("财政部 | ").endsWith(" | 0 | 0% | 0 | 0");
        assertThat(row(before, "农业部")).startsWith("农业部 | ").endsWith(" | 0 | 0% | 0 | 0");
        assertThat(before.stream().mapToLong(r -> Long.parseLong(r.split(" \\| ")[1])).sum()).isEqualTo(reached);
        assertThat(browser.waitFor(By.id("promotion-pending-title")).getText())
                .isEqualTo("尚未响应的支部（" + reached + "）");
        assertThat(rowsOf("promotion-pending")).anyMatch(r -> r.startsWith(SECRETARY_BRANCH + " | 财政部"))
                .anyMatch(r -> r.startsWith(SECRETARY2_BRANCH + " | 农业部"));
        assertThat(browser.isPresent(By.id("promotion-latest-decisions"))).as("no decisions yet").isFalse();
        assertThat(browser.isPresent(By.id("promotion-adopt"))).as("reviewers do not decide").isFalse();
        browser.screenshot("promotion-page-before-decisions");

        // The method page lists the promotion.
        browser.open(url("methods/" + id));
        browser.waitForTextContaining(By.id("promotion-link-" + promotion), "王审核 发起推广：");
        assertThat(browser.waitFor(By.id("promotion-link-" + promotion)).getText()).contains("财政部", "农业部");

        // secretary (财政部) finds it on the home page and declines, which needs a reason.
        browser.signOutHard();
        signIn("secretary", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        WebElement item = present(By.xpath("//a[@id='promotion-link-" + promotion + "']/.."));
        assertThat(item.getText()).contains("本支部待决定");
        browser.open(url(""));
        assertThat(browser.waitFor(By.cssSelector("#home-promotions h3")).getText()).matches("推广待办（[1-9]\\d*）");
        By homeLink = By.xpath("//*[@id='home-promotions']//a[normalize-space()='" + TITLE + "']");
        assertThat(present(homeLink).findElement(By.xpath("..")).getText()).contains("王审核 发起推广，请决定是否采用");
        click(homeLink);
        assertThat(promotionIdFromAddress()).isEqualTo(promotion);
        browser.waitForTextContaining(By.id("promotion-decision"), "本支部还没有决定是否采用这一工作法");
        assertThat(browser.isPresent(By.id("promotion-coverage-total"))).as("coverage: reviewers only").isFalse();
        click(By.id("promotion-decline"));
        present(By.id("promotion-decide-dialog"));
        click(By.id("promotion-decide-confirm"));
        By refusal = By.xpath("//vaadin-notification-card[contains(., '暂不采用请写明原因。')]");
        present(refusal);
        // the error stays a few seconds in the middle of the page, over the dialog
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> !browser.isPresent(refusal));
        type(By.id("promotion-decide-reason"), DECLINE_REASON);
        browser.screenshot("promotion-secretary-decline-dialog");
        click(By.id("promotion-decide-confirm"));
        browser.waitForTextContaining(By.id("promotion-decision"), "本支部已决定暂不采用");
        assertThat(browser.waitFor(By.id("promotion-decision")).getText()).contains(DECLINE_REASON);
        assertThat(browser.isPresent(By.id("promotion-decline"))).as("decided once").isFalse();
        browser.open(url(""));
        present(By.id("home-promotions"));
        assertThat(browser.isPresent(homeLink)).as("no longer waiting").isFalse();

        // secretary2 (农业部) opens it from the home page and adopts it with a plan.
        browser.signOutHard();
        signIn("secretary2", DEMO_PASSWORD);
        browser.open(url(""));
        click(homeLink);
        assertThat(promotionIdFromAddress()).isEqualTo(promotion);
        click(By.id("promotion-adopt"));
        present(By.id("promotion-decide-dialog"));
        type(By.id("promotion-decide-reason"), PLAN);
        click(By.id("promotion-decide-confirm"));
        browser.waitForTextContaining(By.id("promotion-decision"), "本支部已决定采用");
        assertThat(browser.waitFor(By.id("promotion-decision")).getText()).contains(PLAN);

        // The adoption is recorded for the branch, with the plan.
        click(By.id("promotion-method"));
        assertThat(methodIdFromAddress()).isEqualTo(id);
        browser.waitForTextContaining(By.id("adoption-own"), "本支部自 " + LocalDate.now(clock) + " 起采用");
        assertThat(browser.waitFor(By.id("adoption-count")).getText()).contains("已有 1 个支部采用");
        assertThat(browser.waitFor(By.id("adoption-departments")).getText()).contains("农业部 1 个支部");
        assertThat(as("secretary2", () -> adoptions.summary(id).ownBranch()).plan()).as("the plan kept").isEqualTo(PLAN);
        assertThat(present(By.xpath("//a[@id='promotion-link-" + promotion + "']/..")).getText())
                .doesNotContain("本支部待决定");

        // The reviewer's coverage page counts both decisions.
        browser.signOutHard();
        signIn("reviewer", DEMO_PASSWORD);
        browser.open(url("promotions/" + promotion));
        browser.waitForText(By.id("promotion-coverage-total"), "共推广到 " + reached + " 个支部：已决定 2 个（"
                + Math.round(200.0 / reached) + "%），采用 1 个，报告见效 0 个。");
        List<String> after = rowsOf("promotion-coverage");
        assertThat(row(after, "财政部")).matches("财政部 \\| \\d+ \\| 1 \\| \\d+% \\| 0 \\| 0");
        assertThat(row(after, "农业部")).matches("农业部 \\| \\d+ \\| 1 \\| \\d+% \\| 1 \\| 0");
        assertThat(browser.waitFor(By.id("promotion-pending-title")).getText())
                .isEqualTo("尚未响应的支部（" + (reached - 2) + "）");
        assertThat(rowsOf("promotion-pending")).noneMatch(r -> r.startsWith(SECRETARY_BRANCH + " | "))
                .noneMatch(r -> r.startsWith(SECRETARY2_BRANCH + " | "));
        List<String> decisions = browser.all(By.cssSelector("#promotion-latest-decisions li")).stream()
                .map(WebElement::getText).toList();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0)).startsWith(SECRETARY2_BRANCH + " · 采用 · ").endsWith(PLAN);
        assertThat(decisions.get(1)).startsWith(SECRETARY_BRANCH + " · 暂不采用 · ").endsWith(DECLINE_REASON);
        scrollTo(By.id("promotion-coverage-total"));
        browser.screenshot("promotion-coverage-after-decisions");

        // A member sees the 典型工作法, not the coverage nor the reviewer's buttons.
        browser.signOutHard();
        signIn("member", DEMO_PASSWORD);
        browser.open(url(""));
        By exemplarLink = By.xpath("//*[@id='home-exemplars']//a[normalize-space()='" + TITLE + "']");
        assertThat(present(exemplarLink).findElement(By.xpath("..")).getText()).contains(REASON);
        assertThat(browser.isPresent(By.id("home-promotions"))).as("members have no promotion tasks").isFalse();
        click(exemplarLink);
        // the link leads to the method page's 推广运用 section
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith("/methods/" + id + "?focus=method-promotion"));
        browser.waitForVaadin();
        assertThat(browser.waitFor(By.cssSelector("#promotion-exemplar .promotion-exemplar-badge")).getText())
                .isEqualTo("典型工作法");
        assertThat(browser.waitFor(By.id("promotion-exemplar")).getText()).contains(REASON, "王审核");
        present(By.id("promotion-link-" + promotion));
        assertThat(browser.isPresent(By.id("promotion-designate"))).isFalse();
        assertThat(browser.isPresent(By.id("promotion-withdraw"))).isFalse();
        assertThat(browser.isPresent(By.id("promotion-start"))).isFalse();
        scrollTo(By.id("method-promotion"));
        browser.screenshot("promotion-method-exemplar");
        browser.open(url("promotions/" + promotion));
        browser.waitForTextContaining(By.id("promotion-method"), TITLE);
        present(By.id("promotion-decision"));
        assertThat(browser.isPresent(By.id("promotion-coverage-total"))).isFalse();
        assertThat(browser.isPresent(By.id("promotion-coverage"))).isFalse();
        assertThat(browser.isPresent(By.id("promotion-pending"))).isFalse();
        assertThat(browser.isPresent(By.id("promotion-latest-decisions"))).isFalse();
        assertThat(browser.isPresent(By.id("promotion-adopt"))).isFalse();
    }

    /**
     * A method of 审计署 (which reviewer reviews) filed by admin under the branch of the demo
     * “支点”工作法 and approved by reviewer: no branch uses it yet.
     */
    private long publishedMethodOfTheAuditOffice() {
        long branch = system.callAsSystem(() -> methods.get(methods.idByExternalId("seed-cnao-zhidian").orElseThrow()))
                .originBranchId();
        MethodContent content = new MethodContent(TITLE, "审计项目组设临时党小组，党员在审计一线亮身份、当先锋。",
                Category.values()[0], "审计人员长期在外，支部活动难以开展，党员作用发挥不明显。",
                "支部工作跟着审计项目走。", List.of("项目组设临时党小组", "党员在审计现场亮身份"),
                List.of("进点时成立临时党小组", "项目结束时总结党员表现"), "外勤期间组织生活不断线。",
                "适用于外勤任务多的业务支部。", List.of("审计一线"), null);
        MethodDetail submitted = as("admin", () -> {
            MethodDetail draft = methods.createDraft(content, null, branch, "初稿");
            return proposals.submit(draft.id(), draft.latestRevision());
        });
        as("reviewer", () -> reviews.review(submitted.id(), new ReviewRequest(submitted.latestRevision(),
                Decision.APPROVE, SCORES, "同意发布")));
        assertThat(system.callAsSystem(() -> methods.get(submitted.id())).status()).isEqualTo(MethodStatus.PUBLISHED);
        return submitted.id();
    }

    private <T> T as(String login, Supplier<T> work) {
        TestUsers.signInAs(users, securityContexts, login);
        try {
            return work.get();
        } finally {
            TestUsers.signOut(securityContexts);
        }
    }

    /** Picks a department in the start dialog's multi-select as a person would: types its name and takes the match. */
    private void chooseDepartment(String name) {
        WebElement input = present(By.id("promotion-departments")).findElement(By.cssSelector("input"));
        input.sendKeys(name);
        browser.waitForVaadin();
        input.sendKeys(Keys.ARROW_DOWN);
        input.sendKeys(Keys.ENTER);
        browser.waitForVaadin();
        WebElement combo = present(By.id("promotion-departments"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(
                "return Array.from(arguments[0].selectedItems || []).some(i => (i.label || '') === arguments[1]);",
                combo, name)));
        // Close the suggestion list, which would otherwise lie over the fields below it (the first
        // Escape may only clear the typed text).
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> {
            if (Boolean.TRUE.equals(browser.js("return arguments[0].opened === true;", combo))) {
                input.sendKeys(Keys.ESCAPE);
                browser.waitForVaadin();
                return false;
            }
            return true;
        });
    }

    /** The number of branches the start dialog says the promotion reaches (0 while it says nothing). */
    private long reach() {
        Matcher m = Pattern.compile("将推广到 (\\d+) 个支部").matcher(browser.driver.findElement(By.id("promotion-reach")).getText());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private long promotionIdFromAddress() {
        Pattern page = Pattern.compile("/promotions/(\\d+)$");
        String address = new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> page.matcher(d.getCurrentUrl()).find() ? d.getCurrentUrl() : null);
        browser.waitForVaadin();
        Matcher matcher = page.matcher(address);
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String row(List<String> rows, String department) {
        return rows.stream().filter(r -> r.startsWith(department + " | ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + department + " in " + rows));
    }

    private void scrollTo(By by) {
        browser.js("arguments[0].scrollIntoView({block: 'start'});", present(by));
    }
}
