package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.proposal.ProposalService;
import org.methodportal.review.Decision;
import org.methodportal.review.ReviewRequest;
import org.methodportal.review.ReviewService;
import org.methodportal.review.Scores;
import org.methodportal.shared.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Two change requests of one published method (version 2), as the people involved live it: the
 * first is approved while the second waits; the second's author is told, updates it onto version 3
 * and resubmits; once approved, version 4 holds both changes. With both changing the same field,
 * the author resolves the conflict side by side, and the reviewer sees that the result would undo
 * version 3's change.
 */
class RebaseJourneyIT extends JourneySupport {

    private static final String NEW_OUTCOMES = "群众诉求当日响应率达到九成以上。";
    private static final String NEW_APPLICABILITY = "适用于中央和国家机关各部门的基层支部。";

    @Autowired
    MethodService methods;
    @Autowired
    ProposalService proposals;
    @Autowired
    ReviewService reviews;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    void aRequestUpdatedOntoTheApprovedChangeKeepsBothChanges() {
        long id = publishedAtVersionTwo("接诉即办");

        // The secretary proposes a new 工作成效 and submits it.
        signIn("secretary", DEMO_PASSWORD);
        long first = proposeChange(id, "method-outcomes", NEW_OUTCOMES);

        // The second secretary learns that a change request is in review before writing another.
        browser.signOutHard();
        signIn("secretary2", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        click(By.id("method-propose"));
        browser.waitForTextContaining(By.id("method-editor-open-requests"), "已有 1 个修改提案在审核中");
        browser.screenshot("rebase-open-requests");
        long second = saveAndSubmit("method-applicability", NEW_APPLICABILITY);

        // The reviewer approves the first (version 3); the second now shows 需先更新 in the queue.
        browser.signOutHard();
        signIn("reviewer", DEMO_PASSWORD);
        browser.open(url("reviews/" + first));
        browser.waitForTextContaining(By.id("review-diff"), "与已发布的第 2 版相比");
        approve();
        browser.waitForTextContaining(By.id("review-queue"), "需先更新");
        browser.screenshot("rebase-review-queue");
        browser.open(url("reviews/" + second));
        browser.waitForTextContaining(By.id("review-outdated"), "需由起草人先基于最新版本更新");
        assertThat(browser.isPresent(By.id("review-rubric"))).as("no scoring of what cannot be approved").isFalse();

        // Its author is told, withdraws it and updates it: the dialog names the versions and the change.
        browser.signOutHard();
        signIn("secretary2", DEMO_PASSWORD);
        assertThat(browser.waitFor(By.id("notification-count")).getText()).isNotBlank();
        browser.open(url("methods/" + second));
        browser.waitForTextContaining(By.id("method-outdated-banner"), "原工作法已发布第 3 版");
        browser.screenshot("rebase-banner");
        click(By.id("method-withdraw"));
        confirm();
        browser.waitFor(By.id("method-edit"));
        click(By.id("method-outdated-rebase"));
        browser.waitForTextContaining(By.id("method-rebase-versions"), "第 2 版");
        assertThat(browser.waitFor(By.id("method-rebase-published-changes")).getText()).contains("工作成效");
        assertThat(browser.waitFor(By.id("method-rebase-outcome")).getText()).contains("没有冲突");
        browser.screenshot("rebase-dialog");
        click(By.id("method-rebase-confirm"));
        browser.waitForTextContaining(By.id("method-outcomes"), NEW_OUTCOMES);
        assertThat(browser.isPresent(By.id("method-outdated-banner"))).isFalse();
        click(By.id("method-submit"));
        confirm();
        browser.waitForTextContaining(By.id("method-review-banner"), "审核中");

        // The reviewer compares it with version 3 and approves it: version 4 has both changes.
        browser.signOutHard();
        signIn("reviewer", DEMO_PASSWORD);
        browser.open(url("reviews/" + second));
        browser.waitForTextContaining(By.id("review-diff"), "与已发布的第 3 版相比");
        assertThat(browser.all(By.cssSelector("#review-diff .diff-field-name")).stream().map(WebElement::getText))
                .as("only the request's own change is shown as one").containsExactly("适用范围");
        browser.screenshot("rebase-reviewer-diff");
        approve();

        browser.signOutHard();
        signIn("member", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        browser.waitForTextContaining(By.id("method-version"), "第 4 版");
        assertThat(browser.waitFor(By.id("method-outcomes")).getText()).contains(NEW_OUTCOMES);
        assertThat(browser.waitFor(By.id("method-applicability")).getText()).contains(NEW_APPLICABILITY);
    }

    @Test
    void aConflictIsResolvedSideBySideAndTheReviewerSeesWhatItUndoes() {
        long id = publishedAtVersionTwo("冲突处理");
        signIn("secretary", DEMO_PASSWORD);
        long first = proposeChange(id, "method-outcomes", NEW_OUTCOMES);
        browser.signOutHard();
        signIn("secretary2", DEMO_PASSWORD);
        long second = proposeChange(id, "method-outcomes", "诉求办结率提高到百分之九十五。");
        approveAsReviewerService(first);

        // Updating straight from review: the dialog says there is a conflict and leads to the view.
        browser.open(url("methods/" + second));
        click(By.id("method-outdated-rebase"));
        browser.waitForTextContaining(By.id("method-rebase-outcome"), "1 处");
        click(By.id("method-rebase-confirm"));
        browser.waitFor(By.id("rebase-conflict-0"));
        assertThat(browser.waitFor(By.id("rebase-base-0")).getText()).contains("第 2 版", "群众满意度提高。");
        assertThat(browser.waitFor(By.id("rebase-theirs-0")).getText()).contains("第 3 版", NEW_OUTCOMES);
        assertThat(browser.waitFor(By.id("rebase-mine-0")).getText()).contains("百分之九十五");
        browser.screenshot("rebase-conflicts");

        // Saving without a choice keeps the page; then the author keeps the base text.
        click(By.id("rebase-save"));
        assertThat(browser.isPresent(By.id("rebase-conflict-0"))).isTrue();
        chooseRadio("rebase-choice-0", "基准");
        click(By.id("rebase-save"));
        browser.waitForTextContaining(By.id("method-outcomes"), "群众满意度提高。");
        click(By.id("method-submit"));
        confirm();
        browser.waitForTextContaining(By.id("method-review-banner"), "审核中");

        // The reviewer compares with version 3 and is warned that accepting would undo it.
        browser.signOutHard();
        signIn("reviewer", DEMO_PASSWORD);
        browser.open(url("reviews/" + second));
        browser.waitForTextContaining(By.id("review-diff"), "将撤销第 3 版的修改");
        browser.js("document.getElementById('review-diff').scrollIntoView();");
        browser.screenshot("rebase-reviewer-undo");
    }

    // ---- steps

    /** On the method page: 提出修改, one field changed, saved and submitted; returns the change request. */
    private long proposeChange(long methodId, String fieldId, String text) {
        browser.open(url("methods/" + methodId));
        click(By.id("method-propose"));
        return saveAndSubmit(fieldId, text);
    }

    private long saveAndSubmit(String fieldId, String text) {
        browser.waitFor(By.id("method-editor-heading"));
        type(By.id(fieldId), text);
        type(By.id("method-change-note"), "更新" + fieldId);
        click(By.id("method-save"));
        long request = methodIdFromAddress();
        browser.waitFor(By.id("method-page"));
        click(By.id("method-submit"));
        confirm();
        browser.waitForTextContaining(By.id("method-review-banner"), "审核中");
        return request;
    }

    private void approve() {
        scoreAndDecide(4, "通过");
        click(By.id("review-submit"));
        browser.waitFor(By.id("review-queue-view"));
    }

    private void confirm() {
        browser.waitFor(By.xpath("//vaadin-confirm-dialog//vaadin-button[@slot='confirm-button'] | "
                + "//vaadin-button[@slot='confirm-button']")).click();
        browser.waitForVaadin();
    }


    // ---- data set up through the services, as in the other journeys

    private long publishedAtVersionTwo(String title) {
        try {
            TestUsers.signInAs(users, securityContexts, "secretary");
            long id = methods.createDraft(new MethodContent(title + UUID.randomUUID().toString().substring(0, 4),
                    "受理群众诉求，当日响应。", Category.MASS_LINE, "群众诉求响应慢。", "事事有回音。",
                    List.of("建立诉求台账"), List.of("受理", "办结", "回访"), "群众满意度提高。",
                    "适用于窗口单位的支部。", List.of("接诉即办"), null), null, null, "初稿").id();
            proposals.submit(id, 1);
            approveAsReviewerService(id);
            TestUsers.signInAs(users, securityContexts, "secretary");
            MethodContent v1 = methods.get(id).revision().content();
            long change = proposals.proposeChange(id, new MethodContent(v1.title(), "受理群众诉求，当日响应，限期办结。",
                    v1.category(), v1.problem(), v1.concept(), v1.measures(), v1.steps(), v1.outcomes(),
                    v1.applicability(), v1.tags(), v1.body()), "补充摘要").id();
            proposals.submit(change, 1);
            approveAsReviewerService(change);
            return id;
        } finally {
            securityContexts.clearContext();
        }
    }

    private void approveAsReviewerService(long proposalId) {
        try {
            TestUsers.signInAs(users, securityContexts, "reviewer");
            int revision = methods.get(proposalId).latestRevision();
            reviews.review(proposalId, new ReviewRequest(revision, Decision.APPROVE, new Scores(4, 4, 4, 4, 4, 4),
                    "同意"));
        } finally {
            securityContexts.clearContext();
        }
    }
}
