package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Methods as documents in the browser: a secretary downloads a published method as PDF and Word
 * from its page and a search result as one Word file, then brings a method written in Word into the
 * portal: the editor's link, the preview with what was not taken, and the new draft in the editor.
 */
class DocumentJourneyIT extends JourneySupport {

    /** 国家开发银行's “三融入”工作法, which no other journey changes. */
    private static final String EXTERNAL_ID = "seed-cdb-sanrongru";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecretaryDownloadsAMethodAndASearchResultAndImportsAWordFileAsADraft() throws IOException {
        long id = jdbc.queryForObject("select id from method where external_id = ?", Long.class, EXTERNAL_ID);
        String title = jdbc.queryForObject("select r.title from method m join method_revision r on r.id = "
                + "m.published_revision_id where m.id = ?", String.class, id);

        signIn("secretary2", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        present(By.id("method-document-pdf"));
        browser.screenshot("document-method-page");
        try (var pdf = Loader.loadPDF(download("method-document-pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(title, "针对问题", "审核记录", "推广采用");
        }
        byte[] word = download("method-document-word");
        assertThat(text(word)).contains(title, "主要措施");

        browser.open(url("search?q=三融入"));
        present(By.id("search-document-word"));
        browser.screenshot("document-search-result");
        assertThat(text(download("search-document-word"))).contains("搜索“三融入”的结果", "目录", title);

        // The editor of a new method leads to the import; the file is read and shown before anything is saved.
        browser.open(url("methods/new"));
        click(By.cssSelector("#method-editor-word-import a"));
        browser.waitFor(By.id("word-import-view"));
        Path file = Files.createTempFile("三融入-", ".docx");
        Files.write(file, word);
        WebElement input = browser.waitFor(By.id("word-import-upload")).getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        browser.waitForText(By.id("word-import-title"), title);
        assertThat(browser.waitFor(By.id("word-import-unmapped")).getText()).contains("未导入的内容", "审核记录");
        browser.screenshot("document-word-preview");

        click(By.id("word-import-save"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/edit"));
        browser.waitForVaadin();
        assertThat(value(By.id("method-title"))).isEqualTo(title);
        browser.waitForTextContaining(By.tagName("vaadin-notification-card"), "已保存草稿");
        browser.screenshot("document-word-draft");
        Files.deleteIfExists(file);
    }

    private static String text(byte[] docx) throws IOException {
        try (var document = new XWPFDocument(new ByteArrayInputStream(docx));
             var extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }
}
