package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.shared.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Reading a method: the secretary opens her draft, its history and the diff of two revisions; a
 * member who types the draft's address learns nothing about it.
 */
class MethodReadingJourneyIT extends JourneySupport {

    @Autowired
    MethodService methods;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    String title;
    long methodId;

    @BeforeEach
    void secretaryHasADraftWithTwoRevisions() {
        title = "读者旅程工作法" + UUID.randomUUID().toString().substring(0, 6);
        TestUsers.signInAs(users, securityContexts, "secretary");
        try {
            var draft = methods.createDraft(content("机关服务与基层需求脱节", List.of("调研")), null, null, "初稿");
            methodId = draft.id();
            methods.saveRevision(methodId, content("机关服务与基层需求严重脱节", List.of("调研", "回访")), 1, "补充回访");
        } finally {
            securityContexts.clearContext();
        }
    }

    @AfterEach
    void forgetTheSecurityContext() {
        securityContexts.clearContext();
    }

    @Test
    void secretaryReadsHerDraftAndComparesTwoRevisions() {
        signIn("secretary", DEMO_PASSWORD);

        browser.open(url("methods"));
        waitForGridText(title);
        browser.screenshot("method-list");

        browser.open(url("methods/" + methodId));
        browser.waitForText(By.id("method-title"), title);
        assertThat(browser.waitFor(By.id("method-version")).getText()).isEqualTo("第 2 版");
        assertThat(browser.waitFor(By.id("method-problem")).getText()).contains("机关服务与基层需求严重脱节");
        assertThat(browser.waitFor(By.cssSelector("#method-steps li:nth-of-type(2)")).getText()).isEqualTo("回访");
        assertThat(browser.waitFor(By.cssSelector("#method-body .method-body strong")).getText()).isEqualTo("重点");
        assertThat(browser.all(By.cssSelector("#method-body script"))).isEmpty();
        assertThat(browser.js("return window.xss === undefined")).isEqualTo(true);
        // The side navigation shows the section of a page that has no entry of its own.
        browser.waitFor(By.cssSelector("#nav-methods[current]"));
        browser.screenshot("method-page");

        browser.waitFor(By.id("method-history-link")).click();
        browser.waitFor(By.id("history-title"));
        WebElement inserted = new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("#diff-result ins.diff-ins")).stream().filter(e -> e.getText().contains("严重"))
                .findFirst().orElse(null));
        assertThat(inserted.getText()).isEqualTo("严重");
        assertThat(browser.waitFor(By.id("diff-from")).getText()).contains("第 1 版");
        assertThat(browser.waitFor(By.id("diff-to")).getText()).contains("第 2 版");
        assertThat(browser.waitFor(By.cssSelector("#diff-result .diff-item-added")).getText()).contains("回访");
        assertThat(browser.waitFor(By.cssSelector("#diff-result .diff-unchanged")).getText()).contains("名称");
        browser.screenshot("method-history");

        browser.waitFor(By.id("revision-open-1")).click();
        browser.waitForText(By.id("method-version"), "第 1 版");
        assertThat(browser.waitFor(By.id("method-old-revision")).getText()).contains("第 1 版");
        assertThat(browser.waitFor(By.id("method-problem")).getText()).contains("机关服务与基层需求脱节")
                .doesNotContain("严重");
        browser.screenshot("method-revision-1");
    }

    @Test
    void reviewerFiltersByAuthorTypedAsPinyinAndTheAddressKeepsTheFilter() {
        signIn("reviewer", DEMO_PASSWORD);
        browser.open(url("methods"));
        browser.waitFor(By.id("grid"));
        browser.waitForVaadin();

        WebElement input = browser.waitFor(By.id("filter-author")).findElement(By.cssSelector("input"));
        input.sendKeys("lsj");
        browser.waitFor(By.xpath("//vaadin-combo-box-item[contains(normalize-space(), '李书记')]")).click();
        browser.waitForVaadin();

        String address = new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains("author=") ? d.getCurrentUrl() : null);
        waitForGridText(title);
        List<String> origins = browser.all(By.cssSelector("#grid vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(t -> t.contains(" · ")).toList();
        assertThat(origins).isNotEmpty().allMatch(t -> t.contains("预算司党支部"));
        browser.screenshot("method-list-author");

        // A shared address opens the same filtered list.
        browser.open(url("methods"));
        browser.waitFor(By.id("grid"));
        browser.open(address);
        waitForGridText(title);
        browser.waitForVaadin();
        assertThat(browser.waitFor(By.cssSelector("#filter-author input")).getDomProperty("value")).contains("李书记");
    }

    @Test
    void memberOpeningTheDraftByAddressSeesNotFoundAndNoneOfItsText() {
        signIn("member", DEMO_PASSWORD);

        for (String path : List.of("methods/" + methodId, "methods/" + methodId + "/history",
                "methods/" + methodId + "/revisions/1")) {
            browser.open(url(path));
            assertThat(browser.waitFor(By.id("method-not-found")).getText()).contains("不存在或无权查看");
            String page = browser.driver.getPageSource();
            assertThat(page).doesNotContain(title, "机关服务与基层需求", "回访");
        }
        browser.screenshot("method-not-found");

        browser.open(url("methods"));
        browser.waitFor(By.id("grid"));
        browser.waitForVaadin();
        assertThat(browser.driver.getPageSource()).doesNotContain(title);
    }

    private MethodContent content(String problem, List<String> steps) {
        return new MethodContent(title, "让机关服务贴近基层", Category.BUSINESS_PROBLEMS, problem, "服务基层",
                List.of("对接需求", "对接资源"), steps, "满意度提高", "各部委机关党支部", List.of("服务", "对接"),
                "**重点**：先调研后对接。\n\n<script>window.xss = 1</script>\n\n[链接](javascript:window.xss=2)");
    }

    private void waitForGridText(String text) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(
                "#grid vaadin-grid-cell-content")).stream().anyMatch(c -> c.getText().contains(text)));
    }
}
