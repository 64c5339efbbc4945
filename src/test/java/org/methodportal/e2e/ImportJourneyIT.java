package org.methodportal.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An administrator uploads a JSON lines file with one bad line: the page shows the import running,
 * then the report naming the bad line; the imported methods are listed on /methods.
 */
class ImportJourneyIT extends JourneySupport {

    private static final int GOOD_LINES = 150;

    @Test
    void adminImportsAFileWithABadLineAndFindsTheImportedMethods() throws IOException {
        String u = UUID.randomUUID().toString().substring(0, 6);
        Path file = importFile(u);
        signIn("admin", DEMO_PASSWORD);

        browser.open(url("admin/import"));
        browser.waitFor(By.id("import-upload"));
        browser.screenshot("import-page");
        // Remembers whether the progress was ever shown, however short the import.
        browser.js("""
                window.importProgressSeen = false;
                new MutationObserver(() => {
                    const running = document.getElementById('import-running');
                    if (running && !running.hidden && running.offsetParent !== null) window.importProgressSeen = true;
                }).observe(document.body, {attributes: true, childList: true, subtree: true});
                """);
        WebElement input = browser.waitFor(By.id("import-upload")).getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        screenshotWhileRunning();

        WebElement summary = new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .until(d -> d.findElements(By.cssSelector("#import-report:not([hidden]) #import-summary")).stream()
                        .findFirst().orElse(null));
        browser.waitForVaadin();
        assertThat(browser.js("return window.importProgressSeen")).isEqualTo(true);
        assertThat(summary.getText()).contains("新建 " + GOOD_LINES + " 条", "失败 1 条");
        List<String> cells = browser.all(By.cssSelector("#import-errors vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
        assertThat(cells).contains("3", "未知的类别“其他类别”。", "method.category-unknown");
        browser.screenshot("import-report");
        Object exported = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('#export-download').href).then(r => r.text()).then(done);
                """);
        assertThat((String) exported).contains("\"id\":\"journey-" + u + "-1\"", "\"title\":\"“五对接”工作法\"")
                .doesNotContain("journey-" + u + "-3\"");

        browser.open(url("methods"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(
                "#grid vaadin-grid-cell-content")).stream().anyMatch(c -> c.getText().contains("旅程导入" + u)));
        browser.screenshot("import-methods-listed");
    }

    /** The progress as it looks, if the import is still running when the browser looks. */
    private void screenshotWhileRunning() {
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> d.findElements(
                    By.cssSelector("#import-running:not([hidden]) #import-progress")).stream().anyMatch(
                    WebElement::isDisplayed));
            browser.screenshot("import-progress");
        } catch (org.openqa.selenium.TimeoutException e) {
            // A fast machine may finish before the browser looks; the observer above still saw it.
        }
    }

    /** Good entries around one with an unknown category on line 3. */
    private static Path importFile(String u) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= GOOD_LINES + 1; i++) {
            String category = i == 3 ? "其他类别" : "践行群众路线";
            lines.add("""
                    {"id": "journey-%s-%d", "title": "旅程导入%s-%d", "summary": "把窗口服务送到群众身边", \
                    "category": "%s", "department": "民政部", "branch": "社会救助司党支部", \
                    "problem": "群众办事来回跑", "concept": "让数据多跑路", "measures": ["一窗受理", "上门服务"], \
                    "steps": ["梳理事项", "试点", "推广"], "outcomes": "办事时间缩短", "applicability": "窗口单位", \
                    "tags": ["便民服务"], "raw_practice": "老百姓跑断腿，咱们就多跑几步", "created": "2013-05-20"}"""
                    .formatted(u, i, u, i, category));
        }
        Path file = Path.of("target", "import-journey-" + u + ".jsonl");
        Files.createDirectories(file.getParent());
        Files.write(file, lines, UTF_8);
        return file;
    }
}
