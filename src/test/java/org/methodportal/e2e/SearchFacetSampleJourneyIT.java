package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

/**
 * A text that matches more methods than the facets are counted over: the member sees the counts
 * of category, department, tag and year as 约 N with a note saying what they count, the status
 * counts exact. Here the facets count the best three hits, so the demo's methods are "many".
 */
@TestPropertySource(properties = "portal.search.facet-sample=3")
class SearchFacetSampleJourneyIT extends JourneySupport {

    @Test
    void aTextMatchingManyMethodsShowsItsFacetCountsAsApproximate() {
        signIn("member", DEMO_PASSWORD);

        WebElement box = browser.waitFor(By.cssSelector("#global-search input"));
        box.sendKeys("工作法");
        box.sendKeys(Keys.ENTER);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("search?q="));
        browser.waitForVaadin();

        String total = browser.waitFor(By.id("search-total")).getText();
        int matches = Integer.parseInt(total.replaceAll("\\D", ""));
        assertThat(matches).as(total).isGreaterThan(3);
        assertThat(browser.waitFor(By.id("search-facets-approximate")).getText())
                .isEqualTo("约：结果较多，类别、部门、标签和年份按相关度最高的前 3 条结果统计");
        List<String> categories = browser.all(By.cssSelector("#facet-category vaadin-button")).stream()
                .map(WebElement::getText).toList();
        assertThat(categories).isNotEmpty().allMatch(c -> c.matches(".+ \\(约 \\d+\\)"), "reads 约 N");
        // counted over the best hits (and those near in meaning), not over every match
        assertThat(categories.stream().mapToInt(c -> Integer.parseInt(c.replaceAll(".*约 (\\d+)\\)", "$1"))).sum())
                .isLessThan(matches);
        List<String> statuses = browser.all(By.cssSelector("#facet-status vaadin-button")).stream()
                .map(WebElement::getText).toList();
        assertThat(statuses).isNotEmpty().noneMatch(s -> s.contains("约"));
        browser.screenshot("search-facets-approximate");
    }
}
