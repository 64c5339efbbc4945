package org.methodportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person who signs in, opens the method list and walks away: a headless Debian Chromium of its
 * own (own profile, so own session), killed at the end instead of closed, so that the page never
 * says goodbye and the portal keeps the session and its Vaadin UI as for an open tab.
 */
final class KilledBrowser {

    private KilledBrowser() {
    }

    static void signInAndLeave(String base, String login, String password) throws IOException {
        Path profile = Files.createTempDirectory("portal-memory-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(base + "login");
            WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("vaadin-login-form input[name='username']")));
            username.sendKeys(login);
            driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
            driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
            wait.until(ExpectedConditions.stalenessOf(username));
            driver.get(base + "methods");
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                    if (document.readyState !== 'complete') return false;
                    const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                    if (!clients) return false;
                    return Object.values(clients).every(c => !c.isActive || !c.isActive());
                    """)));
        } finally {
            killChromium(profile);
            service.stop();
            deleteTree(profile);
        }
    }

    /** Kills the browser of this profile and its helpers at once (no unload event reaches the pages). */
    private static void killChromium(Path profile) {
        String marker = "--user-data-dir=" + profile;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> Stream.of(args).anyMatch(marker::equals)).orElse(false))
                .forEach(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
