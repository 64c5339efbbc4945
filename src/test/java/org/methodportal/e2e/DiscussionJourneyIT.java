package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.method.Revision;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Discussion as people use it: a reviewer watches a published entry; a member asks there,
 * mentioning the secretary, who is told and answers; the watcher finds the comments in the inbox
 * folded into one item; a reviewer suggests a better wording for one step of the secretary's draft, and the
 * secretary applies it with one click, which makes the next revision and resolves the thread.
 */
class DiscussionJourneyIT extends JourneySupport {

    private static final String QUESTION = "会前三天发材料，时间来得及吗？";
    private static final String ANSWER = "来得及，材料提前在支部群里共享。";
    private static final String SUGGESTED = "周五午间开讲，讲完留五分钟提问并记录问题";

    @Autowired
    MethodService methods;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    void memberAsksSecretaryAnswersReviewerSuggestsAndSecretaryApplies() {
        long published = idOf("“一事一议”民主议事工作法", MethodStatus.PUBLISHED);
        long draft = idOf("“周五微课堂”学习法", MethodStatus.DRAFT);

        // A reviewer watches the published entry.
        openAs("reviewer2", "methods/" + published);
        click(By.id("method-watch"));
        browser.waitForTextContaining(By.id("method-watch"), "已关注");

        // A member asks a question on it and mentions the secretary, found by pinyin initials.
        openAs("member", "methods/" + published);
        present(By.id("method-discussion"));
        type(By.cssSelector("#comment-form vaadin-text-area"), QUESTION);
        // Typed in the text: "@" and the initials of 王审核 offer him under the text; a click writes the login.
        WebElement area = present(By.cssSelector("#comment-form vaadin-text-area")).findElement(By.cssSelector("textarea"));
        area.sendKeys(" 也请 @wsh");
        WebElement offered = browser.waitFor(By.xpath("//vaadin-item[contains(normalize-space(), '王审核')]"));
        browser.screenshot("discussion-mention-inline");
        offered.click();
        browser.waitForVaadin();
        assertThat(browser.js("return arguments[0].value;", present(By.cssSelector("#comment-form vaadin-text-area"))))
                .isEqualTo(QUESTION + " 也请 @reviewer ");
        // Or found first in the mention field beside the text.
        WebElement mention = present(By.id("comment-form-mention")).findElement(By.cssSelector("input"));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", mention);
        mention.sendKeys("lsj");
        browser.waitFor(By.xpath("//vaadin-combo-box-item[contains(normalize-space(), '李书记')]")).click();
        browser.waitForVaadin();
        assertThat(browser.js("return arguments[0].value;", present(By.cssSelector("#comment-form vaadin-text-area"))))
                .isEqualTo(QUESTION + " 也请 @reviewer @secretary ");
        click(By.cssSelector("#comment-form .comment-submit"));
        browser.waitForTextContaining(By.id("comment-threads"), QUESTION);
        // Mentions read as the people's names, each linked to their methods.
        List<WebElement> mentions = browser.all(By.cssSelector("#comment-threads .comment-mention"));
        assertThat(mentions).extracting(WebElement::getText).containsExactly("@王审核", "@李书记");
        assertThat(mentions).allSatisfy(m -> assertThat(m.getDomAttribute("href")).startsWith("methods?author="));
        scrollTo(By.id("method-discussion"));
        browser.screenshot("discussion-question");

        // The secretary is told of the mention, follows it and answers in the thread.
        openAs("secretary", "notifications");
        openNotification("张党员 在《“一事一议”民主议事工作法》的评论中提到了您");
        browser.waitFor(By.id("method-page"));
        browser.waitForTextContaining(By.id("comment-threads"), QUESTION);
        WebElement thread = present(By.cssSelector("#comment-threads .comment-thread"));
        String rootId = thread.findElement(By.cssSelector(".comment-card")).getDomAttribute("id");
        // It opened at the question itself, several screens down the page, marked for a moment.
        assertThat(browser.driver.getCurrentUrl()).endsWith("methods/" + published + "?focus=" + rootId);
        assertShownAndMarked(rootId);
        browser.screenshot("discussion-mention-opened");
        click(By.id(rootId.replace("comment-", "comment-reply-")));
        String replyForm = "#" + rootId.replace("comment-", "comment-reply-form-");
        type(By.cssSelector(replyForm + " vaadin-text-area"), ANSWER);
        click(By.cssSelector(replyForm + " .comment-submit"));
        browser.waitForTextContaining(By.id("comment-threads"), ANSWER);

        // The watcher finds both comments folded into one unread item.
        openAs("reviewer2", "notifications");
        browser.waitForTextContaining(By.id("notifications"), "等 2 人在《“一事一议”民主议事工作法》中发表了 2 条新评论");
        browser.screenshot("discussion-watcher-inbox");

        // The member is told of the answer and sees it, indented under the question.
        openAs("member", "notifications");
        openNotification("李书记 回复了您在《“一事一议”民主议事工作法》中的评论");
        browser.waitForTextContaining(By.cssSelector("#comment-threads .comment-depth-1"), ANSWER);
        String answerId = present(By.cssSelector("#comment-threads .comment-depth-1")).getDomAttribute("id");
        assertThat(browser.driver.getCurrentUrl()).endsWith("?focus=" + answerId);
        assertShownAndMarked(answerId);
        browser.screenshot("discussion-answer");

        // The member adds to the question; it shows 已编辑, and the earlier text stays in the history.
        click(By.id(rootId.replace("comment-", "comment-edit-")));
        String editForm = "#" + rootId.replace("comment-", "comment-edit-form-");
        type(By.cssSelector(editForm + " vaadin-text-area"), QUESTION + "（材料较多）");
        click(By.cssSelector(editForm + " .comment-submit"));
        browser.waitForTextContaining(By.id(rootId), "（材料较多）");
        click(By.id(rootId.replace("comment-", "comment-history-")));
        browser.waitForTextContaining(By.cssSelector(".comment-history-entry"), QUESTION);
        browser.screenshot("discussion-history");

        // The reviewer anchors a suggestion to the second step of the secretary's draft.
        openAs("reviewer", "methods/" + draft);
        click(By.id("comment-on-steps-1"));
        present(By.id("comment-anchor-dialog"));
        type(By.cssSelector("#comment-anchor-form vaadin-text-area.comment-input"), "第二步可以写得更具体。");
        type(By.id("comment-suggestion"), SUGGESTED);
        browser.screenshot("discussion-suggest-dialog");
        click(By.cssSelector("#comment-anchor-form .comment-submit"));
        browser.waitForTextContaining(By.id("section-comments-steps-1"), "第二步可以写得更具体");
        scrollTo(By.id("method-steps"));
        browser.screenshot("discussion-suggestion");

        // The secretary applies it: a new revision with the text, crediting the reviewer; the thread is resolved.
        openAs("secretary", "methods/" + draft);
        WebElement apply = present(By.cssSelector("#section-comments-steps-1 vaadin-button[id^='comment-apply-']"));
        scrollTo(By.id("method-steps"));
        browser.screenshot("discussion-apply");
        click(By.id(apply.getDomAttribute("id")));
        browser.waitForTextContaining(By.id("method-steps"), SUGGESTED);
        browser.waitForTextContaining(By.id("section-comments-steps-1"), "已解决");
        assertThat(present(By.id("section-comments-steps-1")).getText()).contains("建议已采纳").doesNotContain("已过时");
        scrollTo(By.id("method-steps"));
        browser.screenshot("discussion-applied");

        Revision latest = latestRevision(draft);
        assertThat(latest.content().steps()).contains(SUGGESTED);
        assertThat(latest.changeNote()).isEqualTo("采纳 王审核 的建议：操作步骤 2");
    }

    @Test
    void reviewerSeesOpenSectionCommentsOnTheFormAndModeratesTheDiscussion() {
        long inReview = idOf("预算绩效“三张清单”工作法", MethodStatus.IN_REVIEW);
        long published = idOf("“一事一议”民主议事工作法", MethodStatus.PUBLISHED);

        // A section comment on the proposal in review shows on the review form until resolved.
        openAs("reviewer", "methods/" + inReview);
        click(By.id("comment-on-problem"));
        type(By.cssSelector("#comment-anchor-form vaadin-text-area.comment-input"), "问题部分请补充具体数据。");
        click(By.cssSelector("#comment-anchor-form .comment-submit"));
        browser.waitForTextContaining(By.id("section-comments-problem"), "请补充具体数据");
        browser.open(url("reviews/" + inReview));
        browser.waitForTextContaining(By.id("review-unresolved-comments"), "针对问题");
        scrollTo(By.id("review-unresolved-comments"));
        browser.screenshot("discussion-review-form");

        // A member writes something improper, a reviewer of the department hides it with a reason.
        openAs("member", "methods/" + published);
        type(By.cssSelector("#comment-form vaadin-text-area"), "这条评论不妥当");
        click(By.cssSelector("#comment-form .comment-submit"));
        browser.waitForTextContaining(By.id("comment-threads"), "这条评论不妥当");

        openAs("reviewer", "methods/" + published);
        browser.waitForTextContaining(By.id("comment-threads"), "这条评论不妥当");
        String cardId = present(By.cssSelector("#comment-threads .comment-thread .comment-card")).getDomAttribute("id");
        click(By.id(cardId.replace("comment-", "comment-hide-")));
        type(By.id("comment-hide-reason"), "与主题无关");
        click(By.id("comment-hide-confirm"));
        browser.waitForTextContaining(By.id(cardId), "已隐藏：与主题无关");
        assertThat(present(By.id(cardId)).getText()).as("moderators still read it").contains("这条评论不妥当");
        scrollTo(By.id("method-discussion"));
        browser.screenshot("discussion-hidden-moderator");

        openAs("secretary", "methods/" + published);
        browser.waitForTextContaining(By.id(cardId), "此评论已被隐藏（原因：与主题无关）");
        assertThat(present(By.id(cardId)).getText()).doesNotContain("这条评论不妥当");

        // The member deletes the comment after confirming; without replies it disappears.
        openAs("member", "methods/" + published);
        click(By.id(cardId.replace("comment-", "comment-delete-")));
        browser.waitFor(By.xpath("//vaadin-button[@slot='confirm-button']")).click();
        browser.waitForVaadin();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> !browser.isPresent(By.id(cardId)));
    }

    /** Opens the inbox item whose text contains {@code text}. */
    /** The element is on screen and carries the deep link's mark. */
    private void assertShownAndMarked(String elementId) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.js("""
                const element = document.getElementById(arguments[0]);
                if (!element) return false;
                const box = element.getBoundingClientRect();
                return element.classList.contains('portal-focus') && box.top >= 0 && box.bottom <= window.innerHeight;
                """, elementId)));
    }

    private void openNotification(String text) {
        WebElement cell = new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> browser.all(By.cssSelector("#notifications vaadin-grid-cell-content")).stream()
                        .filter(c -> c.getText().contains(text)).findFirst().orElse(null));
        cell.click();
        browser.waitForVaadin();
    }

    /** Signs in afresh as {@code login} and opens the page. */
    private void openAs(String login, String path) {
        browser.signOutHard();
        signIn(login, DEMO_PASSWORD);
        browser.open(url(path));
    }

    private void scrollTo(By by) {
        browser.js("arguments[0].scrollIntoView({block: 'start'});", present(by));
    }

    private long idOf(String title, MethodStatus status) {
        List<MethodSummary> found = asSecretary(() -> methods.find(
                new MethodFilter(null, null, status, null, null, false, title), new PageRequest(0, 5, "updatedAt", false)));
        return found.stream().filter(m -> m.title().equals(title)).findFirst().orElseThrow().id();
    }

    private Revision latestRevision(long id) {
        return asSecretary(() -> methods.get(id).revision());
    }

    /** Reads through the service as the secretary, who may see all the methods used here. */
    private <T> T asSecretary(Supplier<T> read) {
        TestUsers.signInAs(users, securityContexts, "secretary");
        try {
            return read.get();
        } finally {
            securityContexts.clearContext();
        }
    }
}
