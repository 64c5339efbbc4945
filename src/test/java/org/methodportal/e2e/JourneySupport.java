package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the browser journeys: the whole application on a random port with the demo data in a
 * private in-memory database, one shared browser, a screenshot under target/screenshots when a
 * journey fails.
 */
// Only the classpath configuration: ./config/ would otherwise override application-test.yaml.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.location=classpath:/")
@ActiveProfiles("test")
@ExtendWith(JourneySupport.ScreenshotOnFailure.class)
abstract class JourneySupport {

    static final String DEMO_PASSWORD = "portal-demo-2026";

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void startSignedOut() throws IOException {
        browser = Browser.get();
        browser.consoleErrors();
        browser.signOutHard();
    }

    /** A journey whose pages logged an error to the console failed, even if every step looked right. */
    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** Signs in through the login form as a person would. */
    void signIn(String login, String password) {
        signIn(browser, login, password);
    }

    /** Signs in through the login form of the given browser (journeys of two people). */
    void signIn(Browser browser, String login, String password) {
        browser.open(url("login"));
        WebElement username = browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        username.clear();
        username.sendKeys(login);
        WebElement passwordField = browser.driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        passwordField.clear();
        passwordField.sendKeys(password);
        browser.driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        // The form posts and the browser loads a new page: wait for the old one to go first.
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> isGone(username));
        browser.waitForVaadin();
    }

    /**
     * Whether an element's page was replaced. Chromium reports a node of a document being unloaded
     * either as stale or, during the switch, with "does not belong to the document".
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Text of the login form's error panel, once it is shown. */
    String loginError() {
        return loginError(browser);
    }

    /** Text of the login form's error panel in the given browser, once it is shown. */
    String loginError(Browser browser) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> {
            Object text = browser.js("""
                    const form = document.querySelector('vaadin-login-form');
                    const wrapper = form && form.shadowRoot && form.shadowRoot.querySelector('vaadin-login-form-wrapper');
                    const part = wrapper && wrapper.shadowRoot && wrapper.shadowRoot.querySelector('[part=error-message]');
                    return part && !part.hidden ? part.innerText : null;
                    """);
            return text instanceof String s && !s.isBlank() ? s : null;
        });
    }

    /** Clicks through script, so that a tooltip or the sticky header over the button does not matter. */
    void click(By button) {
        browser.js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", present(button));
        browser.waitForVaadin();
    }

    void type(By field, String text) {
        WebElement input = present(field).findElement(By.cssSelector("input, textarea"));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        browser.waitForVaadin();
    }

    String value(By field) {
        return present(field).findElement(By.cssSelector("input, textarea")).getDomProperty("value");
    }

    /** Waits for an element to exist; fields below the fold or under a toast still count. */
    WebElement present(By by) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** The method id in the address once a method page opened (after a save or a submission). */
    long methodIdFromAddress() {
        Pattern page = Pattern.compile("/methods/(\\d+)$");
        String address = new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> page.matcher(d.getCurrentUrl()).find() ? d.getCurrentUrl() : null);
        browser.waitForVaadin();
        Matcher matcher = page.matcher(address);
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** The file behind a download link, fetched by the page with its session (the browser saves nothing). */
    byte[] download(String linkId) {
        Object base64 = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById(arguments[0]).href)
                    .then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
                    .then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); })
                    .catch(e => done('failed ' + e));
                """, linkId);
        assertThat((String) base64).as("download of " + linkId).doesNotStartWith("failed");
        return java.util.Base64.getDecoder().decode((String) base64);
    }

    /** Opens a select and clicks the item with this label. */
    void chooseItem(By select, String label) {
        browser.waitFor(select).click();
        browser.waitFor(By.xpath("//vaadin-select-item[normalize-space()='" + label + "']")).click();
        browser.waitForVaadin();
    }

    /** On the review form: gives every quality the same score and picks the decision with this label. */
    void scoreAndDecide(int score, String decision) {
        browser.waitFor(By.id("review-rubric"));
        for (WebElement group : browser.all(By.cssSelector("#review-rubric vaadin-radio-group"))) {
            WebElement radio = group.findElements(By.cssSelector("vaadin-radio-button")).get(score - 1);
            browser.js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", radio);
        }
        chooseRadio("review-decision", decision);
    }

    /** Picks the option with this label in the radio group with this id. */
    void chooseRadio(String groupId, String label) {
        WebElement radio = browser.waitFor(By.xpath("//vaadin-radio-group[@id='" + groupId + "']"
                + "//vaadin-radio-button[normalize-space()='" + label + "']"));
        browser.js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", radio);
        browser.waitForVaadin();
    }

    static class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                Browser.get().screenshot(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            } catch (IOException e) {
                System.err.println("no screenshot: " + e);
            }
        }
    }

    /** The text of each rendered body row of the grid, its cells joined with " | ". */
    @SuppressWarnings("unchecked")
    List<String> rowsOf(String gridId) {
        browser.waitForVaadin();
        return (List<String>) browser.js("""
                const grid = arguments[0];
                return Array.from(grid.shadowRoot.querySelectorAll('#items tr'))
                    .filter(tr => !tr.hidden && tr.offsetParent !== null)
                    .map(tr => Array.from(tr.querySelectorAll('td')).map(td => {
                        const slot = td.querySelector('slot');
                        const content = slot && slot.assignedElements()[0];
                        return content ? content.innerText.trim() : '';
                    }).join(' | '))
                    .filter(text => text.replace(/[ |]/g, '') !== '');
                """, present(By.id(gridId)));
    }
}
