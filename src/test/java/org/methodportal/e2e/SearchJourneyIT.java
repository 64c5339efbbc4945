package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.search.SearchIndexer;
import org.methodportal.shared.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Searching: a member types into the header box, presses Enter, sees highlighted results with
 * facets, narrows them with a category chip and opens a hit.
 */
class SearchJourneyIT extends JourneySupport {

    @Autowired
    MethodService methods;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    /** Created once: the journeys of this class share one application context and its database. */
    static long partyBuilding;

    @BeforeEach
    void twoPublishedMethodsAboutOfficeBuildings() {
        if (partyBuilding != 0) {
            return;
        }
        TestUsers.signInAs(users, securityContexts, "secretary");
        try {
            publish(methods.createDraft(content("“楼宇联动”工作法", Category.MASS_LINE,
                    "楼宇里的企业党员分散，<script>window.xss = 1</script>组织关系难以对接。"), null, null, null).id());
            partyBuilding = methods.createDraft(content("“楼宇红管家”工作法", Category.PARTY_BUILDING,
                    "商务楼宇物业服务与党建工作各行其是。"), null, null, null).id();
            publish(partyBuilding);
        } finally {
            securityContexts.clearContext();
        }
        indexer.drain();
    }

    @AfterEach
    void forgetTheSecurityContext() {
        securityContexts.clearContext();
    }

    @Test
    void memberSearchesFromTheHeaderFiltersByCategoryAndOpensAHit() {
        signIn("member", DEMO_PASSWORD);

        WebElement box = browser.waitFor(By.cssSelector("#global-search input"));
        box.sendKeys("楼宇");
        box.sendKeys(Keys.ENTER);

        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("search?q="));
        browser.waitForVaadin();
        assertThat(browser.waitFor(By.id("search-total")).getText()).isEqualTo("共 2 条结果");
        List<String> marks = browser.all(By.cssSelector("#search-results .search-hit-title mark")).stream()
                .map(WebElement::getText).toList();
        assertThat(marks).containsOnly("楼宇").hasSize(2);
        // snippets are plain text: the markup in the problem is gone, never run
        assertThat(browser.waitFor(By.id("search-results")).getText()).contains("党员分散，组织关系难以对接")
                .doesNotContain("<script>", "window.xss");
        assertThat(browser.all(By.cssSelector("#search-results script"))).isEmpty();
        assertThat(browser.js("return window.xss === undefined")).isEqualTo(true);
        browser.screenshot("search-results");

        browser.waitFor(By.cssSelector("#facet-category vaadin-button[data-value='PARTY_BUILDING']")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.urlContains("category=PARTY_BUILDING"));
        browser.waitForVaadin();
        browser.waitForText(By.id("search-total"), "共 1 条结果");
        assertThat(browser.waitFor(By.id("filter-category")).getText()).contains("发挥党建优势");
        browser.screenshot("search-filtered");

        browser.waitFor(By.cssSelector("#search-results .search-hit-title")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.urlContains("methods/" + partyBuilding));
        browser.waitForText(By.id("method-title"), "“楼宇红管家”工作法");
        assertThat(browser.waitFor(By.id("method-similar")).getText()).contains("“楼宇联动”工作法");
        browser.screenshot("search-method-similar");

        // Back brings the filtered results again, from the address alone.
        browser.driver.navigate().back();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.urlContains("category=PARTY_BUILDING"));
        browser.waitForVaadin();
        browser.waitForText(By.id("search-total"), "共 1 条结果");
        assertThat(browser.waitFor(By.id("filter-category")).getText()).contains("发挥党建优势");

        // The order chosen is in the address too, and a shared address restores text, filter and order.
        browser.waitFor(By.xpath("//*[@id='search-sort']//vaadin-radio-button[contains(., '最新')]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("sort=newest"));
        String shared = browser.driver.getCurrentUrl();
        assertThat(shared).contains("category=PARTY_BUILDING");
        browser.open(url("methods"));
        browser.open(shared);
        browser.waitForText(By.id("search-total"), "共 1 条结果");
        assertThat(browser.waitFor(By.id("filter-category")).getText()).contains("发挥党建优势");
        assertThat(browser.waitFor(By.cssSelector("#search-sort vaadin-radio-button[checked]")).getText())
                .isEqualTo("最新");
    }

    @Test
    void aQuestionTypedIntoTheHeaderFindsTheMethodAboutItFirst() {
        signIn("member", DEMO_PASSWORD);

        WebElement box = browser.waitFor(By.cssSelector("#global-search input"));
        // the demo's “三抓四比”工作法 is about hard tasks met with reluctance; the question names no word of its title
        box.sendKeys("干活的时候大家有畏难情绪怎么办？");
        box.sendKeys(Keys.ENTER);

        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("search?q="));
        browser.waitForVaadin();
        assertThat(browser.waitFor(By.cssSelector("#search-results .search-hit-title")).getText()).contains("三抓四比");
        browser.screenshot("search-question");
    }

    @Test
    void memberTypesPinyinAndPicksASuggestion() {
        signIn("member", DEMO_PASSWORD);

        browser.waitFor(By.cssSelector("#global-search input")).sendKeys("louyuhong");

        WebElement suggestion = new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("vaadin-combo-box-item")).stream().filter(e -> e.getText().contains("楼宇红管家"))
                .findFirst().orElse(null));
        browser.screenshot("search-suggestions");
        suggestion.click();

        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.urlContains("methods/" + partyBuilding));
        browser.waitForText(By.id("method-title"), "“楼宇红管家”工作法");
    }

    @Test
    void aSearchWithoutHitsShowsHints() {
        signIn("member", DEMO_PASSWORD);

        browser.open(url("search?q=" + java.net.URLEncoder.encode("完全不存在的说法", java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(browser.waitFor(By.id("search-empty")).getText()).contains("没有找到", "拼音");
        assertThat(browser.waitFor(By.id("search-total")).getText()).isEqualTo("共 0 条结果");
    }

    @Test
    void aSearchWithoutHitsOffersWhatSoundsAlike() {
        signIn("member", DEMO_PASSWORD);

        browser.open(url("search?q=" + java.net.URLEncoder.encode("楼与洪管家", java.nio.charset.StandardCharsets.UTF_8)));

        // its words match nothing (what may come is only near in meaning): the name it sounds like is offered
        WebElement correction = browser.waitFor(By.id("search-did-you-mean"));
        assertThat(correction.getText()).isEqualTo("楼宇红管家");
        browser.screenshot("search-did-you-mean");
        correction.click();

        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("search?q="));
        browser.waitForVaadin();
        browser.waitForText(By.id("search-total"), "共 1 条结果");
        assertThat(browser.all(By.id("search-did-you-mean"))).isEmpty();
    }

    @Test
    void aLongQuestionInTraditionalScriptIsAnsweredAndTheCutIsShown() {
        signIn("member", DEMO_PASSWORD);
        String question = "樓宇紅管家怎麼做？" + "我們支部想學習一下".repeat(25);

        browser.open(url("search?q=" + java.net.URLEncoder.encode(question, java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(browser.waitFor(By.id("search-truncated")).getText()).contains("只搜索了前 200 个字");
        // the page's first hits hold the method it names (the repeated filler pulls others near in meaning up)
        browser.waitFor(By.cssSelector("#search-results .search-hit-title"));
        assertThat(browser.all(By.cssSelector("#search-results .search-hit-title")).stream().limit(3)
                .map(WebElement::getText).toList()).anySatisfy(title -> assertThat(title).contains("楼宇红管家"));
        browser.screenshot("search-long-traditional");
    }

    private void publish(long id) {
        jdbc.update("UPDATE method SET status = 'PUBLISHED', published_revision_id = latest_revision_id WHERE id = ?", id);
        // The publication log too, as an approval writes it: readers see exactly the published revisions.
        jdbc.update("INSERT INTO method_publication (method_id, revision_id, published_at, published_by, source_method_id,"
                + " source_round) SELECT id, published_revision_id, updated_at, owner_id, id, 0 FROM method WHERE id = ?", id);
    }

    private static MethodContent content(String title, Category category, String problem) {
        return new MethodContent(title, "楼宇党建的做法", category, problem, null, List.of("建立楼宇党建联席会"), List.of(),
                null, null, List.of("楼宇党建"), null);
    }
}
