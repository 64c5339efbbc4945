package org.methodportal.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.methodportal.e2e.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page timings in a real browser while the simulated users are at work: the journeys' headless
 * Chromium ({@link Browser}), signed in through the login form as a member, opens the method list,
 * a method page and a search results page every {@code interval}, and times each from the request
 * to the moment its main content is shown (polled every {@link #POLL}, as a script in the page).
 * The first round runs in the warm-up and is not recorded.
 */
final class PageSampler implements Runnable {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A page and the script that tells when its main content is there. */
    enum Page {
        LIST("method list /methods (grid shows titles)", """
                return [...document.querySelectorAll('#grid vaadin-grid-cell-content')]
                    .some(c => c.textContent.includes('工作法'));"""),
        METHOD("method page /methods/{id} (title and problem)", """
                const t = document.getElementById('method-title');
                const p = document.getElementById('method-problem');
                return !!t && !!p && t.offsetParent !== null && t.textContent.trim() !== '';"""),
        SEARCH("search /search?q=… (hits or the empty note)", """
                const results = document.querySelector('#search-results .search-hit-title');
                const empty = document.getElementById('search-empty');
                return !!(results && results.offsetParent !== null) || !!(empty && empty.offsetParent !== null);""");

        final String label;
        final String shown;

        Page(String label, String shown) {
            this.label = label;
            this.shown = shown;
        }
    }

    private final String base;
    private final String login;
    private final String password;
    private final LoadPlan plan;
    private final long intervalNanos;
    private final Random random = new Random(11);
    private final List<List<Double>> times = new ArrayList<>();
    private final int[] errors = new int[Page.values().length];
    private final List<String> firstErrors = new ArrayList<>();
    private volatile @Nullable String unavailable;
    private int query;

    PageSampler(String base, String login, String password, LoadPlan plan, Duration interval) {
        this.base = base;
        this.login = login;
        this.password = password;
        this.plan = plan;
        this.intervalNanos = interval.toNanos();
        for (int i = 0; i < Page.values().length; i++) {
            times.add(new ArrayList<>());
        }
    }

    /** Why no page was timed (no browser on this machine, or it failed to start), else null. */
    static @Nullable String missingBrowser() {
        return Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"))
                ? null : "no /usr/bin/chromium or /usr/bin/chromedriver";
    }

    @Override
    public void run() {
        Browser browser;
        try {
            browser = Browser.get();
            signIn(browser);
        } catch (Exception e) {
            unavailable = "browser not started or sign-in failed: " + e;
            return;
        }
        round(browser, false);
        long next = plan.warmUpEnd();
        while (next < plan.end()) {
            try {
                TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            round(browser, true);
            // A round slower than the interval skips a tick rather than bunching the next rounds.
            do {
                next += intervalNanos;
            } while (next < System.nanoTime());
        }
    }

    private void signIn(Browser browser) {
        browser.open(base + "/login");
        WebElement username = waitFor(browser, By.cssSelector("vaadin-login-form input[name='username']"));
        username.sendKeys(login);
        browser.driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        browser.driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        new WebDriverWait(browser.driver, PATIENCE).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.waitForVaadin();
    }

    private void round(Browser browser, boolean recorded) {
        long id = plan.visibleIds()[random.nextInt(plan.visibleIds().length)];
        String text = plan.queries().get(query++ % plan.queries().size());
        time(browser, Page.LIST, base + "/methods", recorded);
        time(browser, Page.METHOD, base + "/methods/" + id, recorded);
        time(browser, Page.SEARCH, base + "/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8), recorded);
    }

    private void time(Browser browser, Page page, String url, boolean recorded) {
        long start = System.nanoTime();
        try {
            browser.driver.get(url);
            new WebDriverWait(browser.driver, PATIENCE, POLL)
                    .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(page.shown)));
            if (recorded) {
                times.get(page.ordinal()).add((System.nanoTime() - start) / 1e6);
            }
        } catch (RuntimeException e) {
            if (recorded) {
                errors[page.ordinal()]++;
            }
            if (firstErrors.size() < 5) {
                firstErrors.add(page.label + " " + url + ": " + e.getClass().getSimpleName() + " "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
    }

    private static WebElement waitFor(Browser browser, By by) {
        return new WebDriverWait(browser.driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** A Markdown table of the pages' p50 and p95; call after {@link #run} returned. */
    String table(Duration interval) {
        if (unavailable != null) {
            return "Chromium page timings: none (" + unavailable + ")\n";
        }
        var out = new StringBuilder("""
                | Chromium page, signed in as %s, every %d s | samples | errors | p50 ms | p95 ms |
                |---|---:|---:|---:|---:|
                """.formatted(login, interval.toSeconds()));
        for (Page page : Page.values()) {
            double[] ms = times.get(page.ordinal()).stream().mapToDouble(Double::doubleValue).toArray();
            out.append("| %s | %d | %d | %s | %s |%n".formatted(page.label, ms.length, errors[page.ordinal()],
                    ms.length == 0 ? "—" : "%.0f".formatted(Timings.median(ms)),
                    ms.length == 0 ? "—" : "%.0f".formatted(Timings.p95(ms))));
        }
        if (!firstErrors.isEmpty()) {
            out.append("\nFirst page errors:\n");
            firstErrors.forEach(e -> out.append("- ").append(e).append('\n'));
        }
        return out.toString();
    }
}
