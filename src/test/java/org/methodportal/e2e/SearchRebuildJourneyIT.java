package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.reset;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.search.SearchIndexer;
import org.methodportal.search.engine.HeldRebuild;
import org.methodportal.search.engine.IndexDamagedException;
import org.methodportal.search.engine.SearchIndex;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The search index turns out damaged while an administrator works: the results page says
 * 正在重建索引 instead of "nothing found", the search admin page shows why, where the damaged
 * index went and the progress, and the results page shows the hits by itself once the rebuild from
 * the database is complete (held here until the pages have been looked at).
 */
class SearchRebuildJourneyIT extends JourneySupport {

    @Autowired
    SearchIndexer indexer;
    @MockitoSpyBean
    SearchIndex index;

    @AfterEach
    void resetIndex() {
        reset(index);
    }

    @Test
    void searchSaysRebuildingUntilTheDamagedIndexIsRebuiltThenShowsTheHits() throws Exception {
        signIn("admin", DEMO_PASSWORD);
        var taken = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        HeldRebuild.hold(index, taken, release);
        try {
            indexer.damaged(new IndexDamagedException("segment _0.cfs: codec header mismatch"));
            assertThat(taken.await(30, TimeUnit.SECONDS)).isTrue();

            browser.open(url("admin/search"));
            browser.waitForTextContaining(By.id("search-admin-health"), "正在自动重建");
            assertThat(browser.driver.findElement(By.id("search-admin-set-aside")).getText()).contains("damaged-");
            assertThat(browser.driver.findElement(By.id("search-reindex-running")).isDisplayed()).isTrue();
            browser.screenshot("search-admin-rebuilding");

            browser.open(url("search?q=" + java.net.URLEncoder.encode("对接", java.nio.charset.StandardCharsets.UTF_8)));
            browser.waitForTextContaining(By.id("search-rebuilding"), "正在重建索引");
            assertThat(browser.isPresent(By.id("search-empty"))).as("never 'nothing found'").isFalse();
            browser.screenshot("search-rebuilding");
        } finally {
            release.countDown();
        }
        new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.cssSelector(".search-hit")).isEmpty());
        assertThat(browser.isPresent(By.id("search-rebuilding"))).isFalse();
        browser.screenshot("search-rebuilt");

        browser.open(url("admin/search"));
        browser.waitForTextContaining(By.id("search-admin-health"), "正常");
    }
}
