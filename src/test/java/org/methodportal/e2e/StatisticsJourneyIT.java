package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The statistics dashboard in the browser: an administrator opens 统计 from the menu, filters it by
 * category (the filter lands in the address), downloads a table as CSV, then follows the most
 * adopted method to its page and downloads it as PDF. A member sees the summary only.
 */
class StatisticsJourneyIT extends JourneySupport {

    @Test
    void anAdministratorFiltersTheDashboardAndDownloadsACsvAndAMethodAsPdf() throws IOException {
        signIn("admin", DEMO_PASSWORD);
        browser.waitFor(By.id("nav-statistics")).click();
        browser.waitFor(By.id("statistics-view"));
        present(By.id("statistics-by-category"));
        assertThat(browser.waitFor(By.id("statistics-scope")).getText()).isNotBlank();
        assertThat(browser.all(By.cssSelector("#statistics-by-category svg text")).stream().map(WebElement::getText))
                .as("the chart's labels are text, readable in Chinese").anyMatch(t -> t.contains("发挥党建优势"));
        browser.screenshot("statistics-dashboard");

        // Filter by category as a person does: the combo box, then 应用; the address keeps the filter.
        WebElement category = browser.waitFor(By.id("statistics-category"));
        WebElement input = category.findElement(By.cssSelector("input"));
        input.click();
        input.sendKeys("发挥党建优势");
        browser.waitFor(By.xpath("//vaadin-combo-box-item[normalize-space()='发挥党建优势']")).click();
        click(By.id("statistics-apply"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains("category=PARTY_BUILDING"));
        browser.waitForVaadin();
        String byStatus = browser.waitFor(By.id("statistics-by-status-table")).getText();
        assertThat(byStatus).contains("已发布");
        browser.screenshot("statistics-filtered");

        String csv = new String(download("statistics-by-status-csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("PUBLISHED");

        // The most adopted method opens at its page, which gives it as a PDF.
        WebElement top = present(By.cssSelector("#statistics-most-adopted-table a"));
        String title = top.getText();
        click(By.cssSelector("#statistics-most-adopted-table a"));
        long id = methodIdFromAddress();
        assertThat(browser.waitFor(By.id("method-title")).getText()).isEqualTo(title);
        try (var pdf = Loader.loadPDF(download("method-document-pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(title, "审核记录", "推广采用");
        }
        assertThat(id).isPositive();

        // A member sees the summary and no department's detail.
        browser.signOutHard();
        signIn("member", DEMO_PASSWORD);
        browser.open(url("statistics"));
        present(By.id("statistics-published-by-category"));
        assertThat(browser.driver.findElements(By.id("statistics-by-department"))).isEmpty();
        browser.screenshot("statistics-member");
    }
}
