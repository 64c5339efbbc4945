package org.methodportal.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian chromium for the whole test JVM, driven through Debian's chromedriver (so
 * Selenium Manager never downloads anything), with the waits Vaadin pages need. Public for the
 * load benchmark, which samples page timings with it.
 */
public final class Browser {

    private static Browser shared;
    private static Browser second;

    public final WebDriver driver;
    private final Path profile;
    private final ChromeDriverService service;

    private Browser() throws IOException {
        profile = Files.createTempDirectory("portal-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,900", "--lang=zh-CN", "--user-data-dir=" + profile);
        // The page's console, read after each journey: an error there fails the journey.
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /** A browser of its own (own profile, so own session), not shared: end it with {@link #killHard()}. */
    public static Browser startOwn() throws IOException {
        return new Browser();
    }

    /**
     * Kills this browser and its helper processes at once, so that no page gets an unload event
     * (the portal keeps the session and its UI as for a tab left open), then its driver.
     */
    public void killHard() {
        String marker = "--user-data-dir=" + profile;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(marker)).orElse(false))
                .forEach(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
        service.stop();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }

    public static synchronized Browser get() throws IOException {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /**
     * A second browser (own profile, so own cookies) for journeys of two people at once; started
     * on first use and then shared like the first.
     */
    static synchronized Browser second() throws IOException {
        if (second == null) {
            second = start();
        }
        return second;
    }

    private static Browser start() throws IOException {
        Browser browser = new Browser();
        Runtime.getRuntime().addShutdownHook(new Thread(browser.driver::quit));
        return browser;
    }

    public void open(String url) {
        driver.get(url);
        waitForVaadin();
    }

    /** Waits until Vaadin has rendered and has no pending server round trip. */
    public void waitForVaadin() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("""
                        if (document.readyState !== 'complete') return false;
                        const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                        if (!clients) return false;
                        return Object.values(clients).every(c => !c.isActive || !c.isActive());
                        """)));
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element shows exactly this text (e.g. after a reload), failing after 30 s. */
    void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(by, text));
    }

    /** Waits until the element's text contains this text, failing after 30 s. */
    void waitForTextContaining(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    boolean isPresent(By by) {
        return !driver.findElements(by).isEmpty();
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Forgets the session (cookies), so the next journey starts signed out. */
    void signOutHard() {
        // Through the DevTools protocol, because deleteAllCookies only reaches the current page's
        // origin, which after a browser error page is not the portal.
        ((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
    }

    /**
     * Runs {@code source} in every document (and frame) the browser loads from now on, before any
     * script of the page itself, through the DevTools protocol; returns the id to remove it again.
     */
    String runBeforePageScripts(String source) {
        Map<String, Object> result = ((ChromiumDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", source));
        return (String) result.get("identifier");
    }

    /** Stops running a script given to {@link #runBeforePageScripts} in documents loaded from now on. */
    void stopRunningBeforePageScripts(String identifier) {
        ((ChromiumDriver) driver).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                Map.of("identifier", identifier));
    }

    /** Errors the pages wrote to the browser console since the last call (reading empties the log). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException | RuntimeException e) {
            System.err.println("screenshot " + name + " failed: " + e);
        }
    }
}
