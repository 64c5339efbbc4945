package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.Revision;
import org.methodportal.proposal.ProposalService;
import org.methodportal.shared.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Drafting with help: a secretary typing a title and problem close to a published entry
 * is told it may be a duplicate; in a draft in local wording she keeps one wording (still kept
 * after a reload), replaces all others in the whole draft and saves, and the revision's change
 * note lists the replacements; the reviewer sees on the review form what remains and what was kept.
 */
class DraftingAssistantJourneyIT extends JourneySupport {

    @Autowired
    MethodService methods;
    @Autowired
    ProposalService proposals;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    void aTitleAndProblemLikeAPublishedEntryShowTheDuplicateWarning() {
        signIn("secretary", DEMO_PASSWORD);
        browser.open(url("methods/new"));
        browser.waitFor(By.id("method-title"));
        browser.waitForVaadin();

        type(By.id("method-title"), "“五对接”工作法");
        type(By.id("method-problem"), "支部活动和预算业务两张皮，党建活动脱离处室手头的工作。");
        browser.driver.findElement(By.cssSelector("#method-problem textarea")).sendKeys("\t");
        browser.waitForVaadin();

        WebElement warning = browser.waitFor(By.id("duplicate-warning"));
        browser.waitForText(By.id("duplicate-warning-hint"), "这可能是重复的");
        WebElement first = browser.waitFor(By.id("duplicate-warning-link-0"));
        assertThat(first.getText()).isEqualTo("“五对接”工作法");
        assertThat(first.getDomAttribute("target")).isEqualTo("_blank");
        assertThat(browser.driver.findElement(By.id("duplicate-warning-propose-0")).getDomAttribute("href"))
                .endsWith("/propose");
        browser.js("arguments[0].scrollIntoView({block: 'center'});", warning);
        browser.screenshot("drafting-duplicate-warning");

        click(By.id("duplicate-warning-dismiss"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> browser.all(By.cssSelector("#duplicate-warning:not([hidden])")).isEmpty());
        // Leave without keeping the working copy, for other journeys of this account.
        asSecretary(() -> {
            methods.discardWorkingCopy(null);
            return null;
        });
    }

    @Test
    void keptWordingSurvivesAReloadReplaceAllIsRecordedAndTheReviewerSeesTheCount() {
        long id = asSecretary(() -> methods.createDraft(new MethodContent("“田间党日”工作法", null, Category.MASS_LINE,
                "先锋岗不亮，群众不知道找谁。", null, List.of("每月搞党日活动", "挂牌上岗，亮明身份"), List.of(), null, null,
                List.of(), null), null, null, "初稿").id());
        signIn("secretary", DEMO_PASSWORD);
        browser.open(url("methods/" + id + "/edit"));
        browser.waitForTextContaining(By.id("normalisation-summary"), "发现 4 处地方话说法");
        assertThat(browser.all(By.cssSelector("#normalisation-findings .normalisation-mark")))
                .extracting(WebElement::getText).containsExactly("党日", "先锋岗", "党日活动", "挂牌上岗");

        click(By.id("normalisation-ignore-0"));
        browser.waitForTextContaining(By.id("normalisation-summary"), "发现 3 处地方话说法");

        browser.open(url("methods/" + id + "/edit"));
        browser.waitForTextContaining(By.id("normalisation-summary"), "发现 3 处地方话说法");
        assertThat(browser.waitFor(By.id("normalisation-kept")).getText()).contains("党日");
        browser.screenshot("drafting-assistant");
        double problemTop = pageTop(By.id("method-problem"));

        click(By.id("normalisation-replace-all"));
        click(By.id("normalisation-preview-confirm"));
        browser.waitForTextContaining(By.id("normalisation-summary"), "未发现需要规范的地方话说法");
        // The findings sit beside the form: three of them or none, the fields stay where they are.
        assertThat(pageTop(By.id("method-problem"))).isCloseTo(problemTop, within(1.0));
        assertThat(value(By.id("method-problem"))).isEqualTo("党员先锋岗不亮，群众不知道找谁。");
        assertThat(value(By.id("method-title"))).as("kept").isEqualTo("“田间党日”工作法");
        click(By.id("method-save"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith("/methods/" + id));

        Revision saved = asSecretary(() -> methods.revision(id, 2));
        assertThat(saved.changeNote()).contains("先锋岗→党员先锋岗", "党日活动→主题党日", "挂牌上岗→党员先锋岗")
                .doesNotContain("党日→");
        asSecretary(() -> proposals.submit(id, 2));

        browser.signOutHard();
        signIn("reviewer", DEMO_PASSWORD);
        browser.open(url("reviews/" + id));
        browser.waitForTextContaining(By.id("review-normalisation-count"), "地方话说法均已规范（另有 1 处为作者有意保留）");
        WebElement status = present(By.id("review-normalisation"));
        assertThat(status.getText()).contains("党日", "主题党日", "作者有意保留");
        browser.js("arguments[0].scrollIntoView({block: 'center'});", status);
        browser.screenshot("drafting-review-count");
    }

    @Test
    void replaceAllIsPreviewedLeavesLongerWordsAndDoubledTermsAloneAndIsUndoneInOneClick() {
        String concept = "老带新“传帮带”做法，书记常找党员谈谈心。";
        long id = asSecretary(() -> methods.createDraft(new MethodContent("“结对成长”工作法", null, Category.TEAM_BUILDING,
                "刚来的人不熟悉业务。", concept, List.of("支部书记找刚来的人谈心"), List.of(), null, null, List.of(), null),
                null, null, "初稿").id());
        signIn("secretary", DEMO_PASSWORD);
        browser.open(url("methods/" + id + "/edit"));
        browser.waitForTextContaining(By.id("normalisation-summary"), "发现 4 处地方话说法");

        click(By.id("normalisation-replace-all"));
        String preview = browser.waitFor(By.id("normalisation-preview")).getText();
        assertThat(preview).contains("替换前", "替换后", "“谈心”在更长的词中，不替换", "“传帮带”替换后会与相邻的“导师帮带”重复，不替换");
        browser.screenshot("drafting-replace-all-preview");
        assertThat(value(By.id("method-concept"))).as("nothing changes before confirming").isEqualTo(concept);
        click(By.id("normalisation-preview-confirm"));

        browser.waitForTextContaining(By.id("normalisation-summary"), "发现 2 处地方话说法");
        assertThat(value(By.id("method-concept"))).isEqualTo("导师帮带“传帮带”做法，书记常找党员谈谈心。");
        assertThat(value(By.id("method-measures-0"))).isEqualTo("支部书记找刚来的人谈心谈话");
        assertThat(value(By.id("method-change-note"))).contains("老带新→导师帮带", "谈心→谈心谈话");

        click(By.id("normalisation-undo"));
        browser.waitForTextContaining(By.id("normalisation-summary"), "发现 4 处地方话说法");
        assertThat(value(By.id("method-concept"))).isEqualTo(concept);
        assertThat(value(By.id("method-measures-0"))).isEqualTo("支部书记找刚来的人谈心");
        assertThat(value(By.id("method-change-note"))).doesNotContain("导师帮带", "谈心谈话");
        // Leave without keeping the working copy, for other journeys of this account.
        asSecretary(() -> {
            methods.discardWorkingCopy(id);
            return null;
        });
    }

    /** How far below the editor's heading the element starts, in CSS pixels (whatever is scrolled). */
    private double pageTop(By locator) {
        return ((Number) browser.js("return arguments[0].getBoundingClientRect().top"
                + " - document.getElementById('method-editor-heading').getBoundingClientRect().top;",
                present(locator))).doubleValue();
    }

    private <T> T asSecretary(Supplier<T> call) {
        TestUsers.signInAs(users, securityContexts, "secretary");
        try {
            return call.get();
        } finally {
            securityContexts.clearContext();
        }
    }
}
