package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.shared.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/**
 * The review workflow as people live it, with two approvals required: the secretary
 * submits, a reviewer scores and requests changes, the secretary revises and resubmits, both
 * reviewers approve, and a member reads the published entry with its review record.
 */
@TestPropertySource(properties = "portal.review.approvals-required=2")
class ReviewJourneyIT extends JourneySupport {

    @Autowired
    MethodService methods;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    void draftIsReviewedRevisedApprovedByTwoAndReadByAMember() {
        long id = draftBySecretary();

        // The secretary submits the draft from its page.
        signIn("secretary", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        browser.waitFor(By.id("method-workflow"));
        browser.screenshot("method-draft-workflow");
        click(By.id("method-submit"));
        confirm();
        browser.waitForTextContaining(By.id("method-review-banner"), "第 1 轮审核中");
        assertThat(browser.isPresent(By.id("method-edit"))).as("no editing while in review").isFalse();

        // The reviewer finds it in the queue, scores it and asks for changes (a comment is required).
        browser.signOutHard();
        signIn("reviewer", DEMO_PASSWORD);
        assertThat(browser.waitFor(By.id("notification-count")).getText()).isNotBlank();
        browser.waitFor(By.id("nav-reviews")).click();
        browser.waitFor(By.id("review-queue"));
        browser.screenshot("review-queue");
        openFromGrid("review-queue", "分片包干");
        browser.waitFor(By.id("review-rubric"));
        score(3);
        chooseRadio("review-decision", "退回修改");
        click(By.id("review-submit"));
        WebElement comment = present(By.id("review-comment"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(
                "return arguments[0].invalid === true;", comment)));
        type(By.id("review-comment"), "请把操作步骤写具体：谁来做、多久做一次。");
        // The scores, the decision, the comment and the button fit one screen.
        browser.js("document.getElementById('review-rubric').scrollIntoView();");
        assertThat(((Number) browser.js("const r = document.getElementById('review-decision-form')"
                + ".getBoundingClientRect(); return r.height / window.innerHeight;")).doubleValue())
                .as("height of the review form in screens").isLessThanOrEqualTo(1.0);
        browser.screenshot("review-form");
        click(By.id("review-submit"));
        browser.waitFor(By.id("review-queue-view"));

        // The secretary is told, revises the steps and resubmits.
        browser.signOutHard();
        signIn("secretary", DEMO_PASSWORD);
        browser.waitFor(By.id("notification-bell")).click();
        browser.waitFor(By.id("notifications"));
        browser.screenshot("notifications");
        openFromGrid("notifications", "退回修改");
        browser.waitFor(By.id("method-page"));
        assertThat(browser.waitFor(By.id("method-reviews")).getText()).contains("请把操作步骤写具体");
        click(By.id("method-edit"));
        browser.waitFor(By.id("method-editor-heading"));
        type(By.id("method-steps-0"), "支部委员每周一分片走访责任片区并登记");
        type(By.id("method-change-note"), "按审核意见细化步骤");
        click(By.id("method-save"));
        browser.waitFor(By.id("method-page"));
        click(By.id("method-submit"));
        confirm();
        browser.waitForTextContaining(By.id("method-review-banner"), "第 2 轮审核中");

        // Two approvals: the first leaves it in review with 1/2, the second publishes it.
        browser.signOutHard();
        signIn("reviewer", DEMO_PASSWORD);
        browser.open(url("reviews/" + id));
        browser.waitForTextContaining(By.id("review-diff"), "与上次提交的第 1 版相比");
        score(4);
        chooseRadio("review-decision", "通过");
        click(By.id("review-submit"));
        browser.waitFor(By.id("review-queue-view"));
        browser.open(url("methods/" + id));
        browser.waitForTextContaining(By.id("review-progress"), "已有 1 / 2 人通过");

        browser.signOutHard();
        signIn("reviewer2", DEMO_PASSWORD);
        browser.waitFor(By.id("nav-reviews")).click();
        openFromGrid("review-queue", "分片包干");
        score(5);
        chooseRadio("review-decision", "通过");
        type(By.id("review-comment"), "同意发布。");
        click(By.id("review-submit"));
        browser.waitFor(By.id("review-queue-view"));

        // A member reads the published entry and its review record.
        browser.signOutHard();
        signIn("member", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        browser.waitForTextContaining(By.id("method-meta"), "已发布");
        assertThat(browser.waitFor(By.id("method-steps")).getText()).contains("支部委员每周一分片走访");
        String record = browser.waitFor(By.id("method-reviews")).getText();
        assertThat(record).contains("王审核", "赵评审", "退回修改", "同意发布。");
        assertThat(browser.isPresent(By.cssSelector("#review-chart svg"))).isTrue();
        assertThat(browser.isPresent(By.id("method-submit"))).isFalse();
        browser.js("document.getElementById('method-reviews').scrollIntoView();");
        // Every column of the record, the time last, is visible without scrolling sideways.
        assertThat(((Number) browser.js("const t = document.querySelector('#method-reviews vaadin-grid').$.table;"
                + " return t.scrollWidth - t.clientWidth;")).intValue()).as("record columns beyond the grid's width, px")
                .isLessThanOrEqualTo(0);
        browser.screenshot("review-record-member");
        TestUsers.signInAs(users, securityContexts, "member");
        try {
            assertThat(methods.get(id).status()).isEqualTo(MethodStatus.PUBLISHED);
            assertThat(methods.get(id).publishedRevision()).isEqualTo(2);
        } finally {
            securityContexts.clearContext();
        }
    }

    private long draftBySecretary() {
        TestUsers.signInAs(users, securityContexts, "secretary");
        try {
            return methods.createDraft(new MethodContent("分片包干联系群众工作法", "支部委员分片包干，联系服务群众。",
                    Category.MASS_LINE, "机关联系群众不经常、不到位。", "人人有责任田。",
                    List.of("划分责任片区", "建立联系台账"), List.of("分片走访"), "群众满意度提高。",
                    "适用于联系群众多的支部。", List.of("联系群众"), null), null, null, "初稿").id();
        } finally {
            securityContexts.clearContext();
        }
    }

    /** Gives every quality the same score. */
    private void score(int value) {
        browser.waitFor(By.id("review-rubric"));
        for (WebElement group : browser.all(By.cssSelector("#review-rubric vaadin-radio-group"))) {
            WebElement radio = group.findElements(By.cssSelector("vaadin-radio-button")).get(value - 1);
            browser.js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", radio);
        }
        browser.waitForVaadin();
    }


    private void confirm() {
        browser.waitFor(By.xpath("//vaadin-confirm-dialog//vaadin-button[@slot='confirm-button'] | "
                + "//vaadin-button[@slot='confirm-button']")).click();
        browser.waitForVaadin();
    }

    /** Clicks the first grid row whose text contains {@code text}. */
    private void openFromGrid(String gridId, String text) {
        WebElement cell = new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> browser.all(
                By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().contains(text)).findFirst().orElse(null));
        cell.click();
        browser.waitForVaadin();
    }
}
