package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An administrator opens 搜索索引 from the side navigation, sees the engine and the document count,
 * starts a reindex after confirming and sees it finish with its count; a member has no such page.
 */
class SearchAdminJourneyIT extends JourneySupport {

    @Test
    void adminRebuildsTheIndexFromTheAdminPage() {
        signIn("admin", DEMO_PASSWORD);
        assertThat(browser.waitFor(By.id("nav-admin-search")).getText()).isEqualTo("搜索索引");
        browser.open(url("admin/search"));

        browser.waitForTextContaining(By.id("search-admin-engine"), "Lucene");
        browser.waitForTextContaining(By.id("search-admin-documents"), "条");
        browser.screenshot("search-admin");

        click(By.id("search-reindex"));
        browser.waitFor(By.xpath("//vaadin-confirm-dialog//vaadin-button[@slot='confirm-button'] | "
                + "//vaadin-button[@slot='confirm-button']")).click();
        String last = new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> {
            String text = d.findElement(By.id("search-admin-last")).getText();
            return text.contains("共") && text.contains("admin") ? text : null;
        });
        browser.screenshot("search-admin-reindexed");
        assertThat(last).contains("用时");
        assertThat(browser.driver.findElement(By.id("search-reindex")).isEnabled()).isTrue();

        // the embeddings: a backfill computes what other journeys left without a vector; a second one computes none
        click(By.id("search-backfill"));
        String backfilled = new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> {
            String text = d.findElement(By.id("search-admin-backfill-last")).getText();
            return text.contains("检查") && text.contains("admin") ? text : null;
        });
        assertThat(backfilled).matches(".*检查 \\d+ 条，新计算 \\d+ 条（admin）");
        click(By.id("search-backfill"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> d.findElement(
                By.id("search-admin-backfill-last")).getText().contains("新计算 0 条"));
        browser.js("document.getElementById('search-admin-embeddings').scrollIntoView()");
        browser.screenshot("search-admin-backfilled");

        browser.signOutHard();
        signIn("member", DEMO_PASSWORD);
        assertThat(browser.isPresent(By.id("nav-admin-search"))).isFalse();
    }
}
