package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.shared.SafeHtml;
import org.methodportal.shared.TestUsers;
import org.methodportal.shared.XssPayloads;
import org.methodportal.search.SearchIndexer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Stored XSS: every payload of {@code security/xss-payloads.txt} is stored through the services in
 * every text field people can write and that some page shows (see {@link StoredXssFixture}); then
 * the member, the secretary, the reviewer and the administrator open every page that shows those
 * fields. Before any page script runs, alert/confirm/prompt/print are replaced by recorders (each
 * payload calls one of them if it ever runs); after each page (and each screenful of every grid) the
 * recorded calls must be none, no element may carry an event handler attribute or a
 * javascript:/data: URL, and no frame, object or script element may have come in. A real dialog
 * (had a payload escaped the recorders) fails the page too. The REST answers that carry HTML
 * (comment HTML, search highlights) must pass the sanitiser tests' check.
 */
// Its own application context (the nested configuration makes it one), closed afterwards: the
// payloads in names, terms and methods would otherwise show up in the other journeys, which share one.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StoredXssJourneyIT extends JourneySupport {

    /**
     * bcrypt at its lowest cost: the fixture creates an account per payload through the account
     * service, and on a busy two-core machine the default cost alone took 7-15 s of the run. Existing
     * hashes (the demo accounts) still verify; only new hashes are cheaper.
     */
    @TestConfiguration
    static class CheapPasswordHashes {

        @Bean
        @Primary
        PasswordEncoder cheapPasswordEncoder() {
            return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
        }
    }

    static final List<String> PAYLOADS = XssPayloads.all();
    private static final List<String> ROLES = List.of("member", "secretary", "reviewer", "admin");
    /** At most this many "更多" on a method page (ten more threads each, DiscussionPanel.PAGE_SIZE). */
    private static final int MORE_CLICKS_MAX = 8;

    /**
     * Replaces the dialog functions before the page's scripts run, in the page and in every frame;
     * calls in a frame are recorded in the top window's list when it can reach it.
     */
    private static final String OBSERVER = """
            (() => {
              if (Object.prototype.hasOwnProperty.call(window, '__xssCalls')) return;
              let calls = null;
              try { if (window.top !== window) calls = window.top.__xssCalls; } catch (e) { calls = null; }
              calls = calls || [];
              Object.defineProperty(window, '__xssCalls', {value: calls});
              const recorder = name => function (...args) {
                calls.push(name + '(' + args.map(String).join(', ') + ') in ' + location.href);
                return name === 'confirm' ? false : name === 'prompt' ? null : undefined;
              };
              for (const name of ['alert', 'confirm', 'prompt', 'print']) {
                Object.defineProperty(window, name, {value: recorder(name), writable: false, configurable: false});
              }
            })();
            """;

    /**
     * Reads the recorded calls and walks the whole DOM (open shadow roots too) after two frames:
     * event handler attributes, dangerous URLs and styles anywhere, frames, objects, scripts and
     * the like in the page's content; and which payloads appear as text (not inside scripts).
     */
    private static final String SCAN = """
            const payloads = arguments[0];
            const done = arguments[arguments.length - 1];
            const ignoredInUrl = /[\\u0000-\\u0020\\u007f\\u00a0\\u200b-\\u200f\\u2028-\\u202e\\ufeff]/g;
            const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc',
                'background', 'poster', 'srcset', 'codebase', 'cite', 'ping']);
            const dangerousUrl = /^(javascript|vbscript|livescript|data):/;
            const imageData = /^data:image\\/(png|gif|jpeg|webp|svg\\+xml)[;,]/;
            const dangerousStyle = /expression\\(|javascript:|(^|[;\\s])behavior\\s*:|-moz-binding/;
            const foreign = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'BASE', 'META',
                'LINK', 'FORM', 'PORTAL', 'NOSCRIPT']);
            // Vaadin's bootstrap script and the login form's own form element are the page's, not content.
            const vaadinOwn = el => (el.tagName === 'SCRIPT' && el.hasAttribute('data-app-id') && !el.textContent.trim())
                || (el.tagName === 'FORM' && el.parentElement && el.parentElement.tagName === 'VAADIN-LOGIN-FORM');
            const scan = () => {
              const problems = [];
              const texts = [];
              const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
              const visit = (root, content) => {
                for (const el of root.querySelectorAll('*')) {
                  for (const a of Array.from(el.attributes)) {
                    const attribute = a.name.toLowerCase();
                    const value = a.value.replace(ignoredInUrl, '').toLowerCase();
                    if (attribute.startsWith('on')) {
                      problems.push(name(el) + ' ' + a.name + '="' + a.value + '"');
                    } else if (urlAttributes.has(attribute) && dangerousUrl.test(value)
                        && !(el.tagName === 'IMG' && attribute === 'src' && imageData.test(value))) {
                      problems.push(name(el) + ' ' + a.name + '="' + a.value + '"');
                    } else if (attribute === 'style' && dangerousStyle.test(value)) {
                      problems.push(name(el) + ' style="' + a.value + '"');
                    }
                  }
                  if (content && foreign.has(el.tagName) && !vaadinOwn(el)) {
                    problems.push('element ' + name(el) + ' ' + el.outerHTML.slice(0, 160));
                  }
                  if (el.shadowRoot) {
                    visit(el.shadowRoot, content);
                  }
                }
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const parent = node.parentElement;
                  if (!parent || !['SCRIPT', 'STYLE', 'TEMPLATE'].includes(parent.tagName)) {
                    texts.push(node.data);
                  }
                }
              };
              visit(document.head, false);
              visit(document.body, true);
              const text = texts.join('\\u0001');
              const seen = [];
              payloads.forEach((p, i) => { if (text.includes(p)) seen.push(i); });
              return {calls: (window.__xssCalls || []).slice(), problems: problems, seen: seen,
                  observed: Object.prototype.hasOwnProperty.call(window, '__xssCalls')};
            };
            requestAnimationFrame(() => requestAnimationFrame(() => done(scan())));
            """;

    @Autowired
    ApplicationContext context;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    /** Made once: both tests of this class share one application context and its database. */
    static StoredXssFixture.Data data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Set<Integer>> seenByRole = new LinkedHashMap<>();
    private String observer;
    private Dimension windowSize;
    private int pagesChecked;
    private int screensChecked;
    private long places;

    @BeforeEach
    void payloadsStoredAndDialogsObserved() throws InterruptedException {
        if (data == null) {
            long start = System.nanoTime();
            data = new StoredXssFixture(context).store(PAYLOADS);
            indexer.drain();
            awaitAfterCommitListeners();
            System.out.printf("stored XSS: %d payloads stored in %d field kinds in %d ms%n", PAYLOADS.size(),
                    data.fieldKinds().size(), (System.nanoTime() - start) / 1_000_000);
        }
        observer = browser.runBeforePageScripts(OBSERVER);
        windowSize = browser.driver.manage().window().getSize();
        // Taller than a screen: grids render more rows at once, so fewer scroll steps.
        browser.driver.manage().window().setSize(new Dimension(1400, 2400));
    }

    @AfterEach
    void dialogsRestored() {
        // Leave this portal's pages: its context closes after the class, and an open page would go on
        // calling the stopped server, which the next journey would find in the console.
        browser.driver.get("about:blank");
        TestUsers.signOut(securityContexts);
        browser.stopRunningBeforePageScripts(observer);
        browser.driver.manage().window().setSize(windowSize);
    }

    /** Proves in the same run that the observer and the DOM scan see a payload that does run. */
    @Test
    void theObserverRecordsAPayloadThatRunsAndTheScanFlagsItsMarkup() {
        browser.open(url("login"));
        Scan clean = scan();
        assertThat(clean.observed()).as("the observer ran before the page").isTrue();
        assertThat(clean.calls()).isEmpty();
        assertThat(clean.problems()).as("the login page itself").isEmpty();

        String payload = "<img src=x onerror=alert(4)>";
        assertThat(PAYLOADS).contains(payload);
        browser.js("document.body.insertAdjacentHTML('beforeend', arguments[0]);", payload);
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> !((List<?>) browser.js("return window.__xssCalls;")).isEmpty());
        browser.js("document.body.insertAdjacentHTML('beforeend', arguments[0]);", "<a href=\" javascript:alert(58)\">x</a>");
        Scan fired = scan();
        assertThat(fired.calls()).singleElement().asString().startsWith("alert(4) in http://localhost:" + port);
        assertThat(fired.problems()).anyMatch(p -> p.contains("onerror=\"alert(4)\""))
                .anyMatch(p -> p.contains("href=\" javascript:alert(58)\""));
        assertThat(fired.seen()).as("an executed payload is markup, not text").doesNotContain(PAYLOADS.indexOf(payload));

        // The same check as on the portal's pages fails on it; a real dialog fails a page too.
        checkScreen("self-check", "login");
        assertThat(failures).hasSize(1).first().asString().contains("alert(4)", "onerror");
        failures.clear();
        browser.stopRunningBeforePageScripts(observer);
        browser.open(url("login"));
        browser.js("setTimeout(() => window.alert('real dialog'), 0);");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> {
            checkScreen("self-check", "real dialog");
            return !failures.isEmpty();
        });
        assertThat(failures).singleElement().asString().contains("a real dialog opened", "real dialog");
        failures.clear();
        observer = browser.runBeforePageScripts(OBSERVER);
        // the image the self-check inserted failed to load, as it should
        browser.consoleErrors();
    }

    @Test
    void noStoredPayloadRunsOnAnyPageForAnyRole() throws Exception {
        long start = System.nanoTime();
        for (String role : ROLES) {
            seenByRole.put(role, new TreeSet<>());
            browser.signOutHard();
            signIn(role, DEMO_PASSWORD);
            for (Page page : pagesFor(role)) {
                visit(role, page);
            }
        }
        int restHtml = checkRestHtml();
        long seconds = (System.nanoTime() - start) / 1_000_000_000;

        Map<String, Integer> missing = new LinkedHashMap<>();
        seenByRole.forEach((role, seen) -> missing.put(role, PAYLOADS.size() - seen.size()));
        System.out.printf("stored XSS: %d payloads x %d field kinds stored; %d (page, payload) places seen as text "
                        + "on %d pages (%d screens) as %d roles; %d REST HTML fragments; %d executed, %d problems; %d s%n",
                PAYLOADS.size(), data.fieldKinds().size(), places, pagesChecked, screensChecked, ROLES.size(),
                restHtml, failures.stream().filter(f -> f.contains("executed")).count(), failures.size(), seconds);
        assertThat(failures).as("payloads that ran or left markup behind").isEmpty();
        assertThat(missing).as("payloads never shown as text, per role").allSatisfy((role, n) -> assertThat(n).isZero());
    }

    // ---- pages

    /**
     * A page to open; {@code element} proves it rendered as itself (not an error page). After the
     * first check, {@code interaction} (if any) makes the page show more (comments beyond the first
     * page, suggestions of a combo box, a dialog), which is checked again.
     */
    private record Page(String path, String element, boolean showsPayloads, @Nullable Runnable interaction) {

        static Page of(String path, String element) {
            return new Page(path, element, true, null);
        }

        Page then(Runnable next) {
            return new Page(path, element, showsPayloads, interaction == null ? next : () -> {
                interaction.run();
                next.run();
            });
        }

        Page showingNoPayloadsBeforeInteraction() {
            return new Page(path, element, false, interaction);
        }
    }

    /** A method page with all its comment threads shown ("更多" until there are no more). */
    private Page methodPage(long id) {
        return Page.of("methods/" + id, "method-page").then(() -> {
            for (int i = 0; i < MORE_CLICKS_MAX && browser.isPresent(By.cssSelector("#comment-more:not([hidden])")); i++) {
                click(By.id("comment-more"));
            }
        });
    }

    private Runnable typing(String comboBox, String text) {
        return () -> {
            var input = present(By.cssSelector(comboBox + " input"));
            browser.js("arguments[0].scrollIntoView({block: 'center'});", input);
            input.sendKeys(text);
            new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                    .until(d -> !browser.all(By.cssSelector("vaadin-combo-box-item")).isEmpty());
            browser.waitForVaadin();
        };
    }

    /** Opens the dialog behind the first button matching {@code button} and waits for {@code dialog}. */
    private Runnable opening(String button, String dialog) {
        return () -> {
            click(By.cssSelector(button));
            browser.waitFor(By.id(dialog));
        };
    }

    /**
     * The pages of a role. Pages that look the same to every role (a history, the review form) are
     * shared out among the roles; the pages that differ by role (method pages with their moderation
     * and suggestion controls, lists filtered by what one may see) are opened by each.
     */
    private List<Page> pagesFor(String role) {
        int r = ROLES.indexOf(role);
        List<Long> requests = data.changeRequests();
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("", "home-view", false, typing("#global-search", StoredXssFixture.MARK)));
        pages.add(Page.of("glossary", "glossary-view")
                .then(opening("[id^='glossary-history-']", "glossary-history-dialog")));
        pages.add(Page.of("methods", "method-list-view").then(typing("#filter-author", "xss")));
        String query = "search?q=" + URLEncoder.encode(StoredXssFixture.MARK, StandardCharsets.UTF_8);
        for (int page = 0; page < (role.equals("member") ? 2 : 1); page++) {
            pages.add(Page.of(query + (page == 0 ? "" : "&page=" + page), "search-results"));
        }
        pages.add(Page.of("notifications", "notifications"));
        pages.add(Page.of("profile", "profile-view"));
        // each group entry's page by two roles, each role two of them
        pages.add(methodPage(data.aggregates().get(r)).then(typing("#comment-form-mention", "xss")));
        Page other = methodPage(data.aggregates().get((r + 1) % StoredXssFixture.GROUPS));
        // the earlier texts of an edited comment: for its author and moderators only
        pages.add(r < 2 ? other : other.then(opening("[id^='comment-history-']", "comment-history-dialog")));
        pages.add(Page.of("methods/" + data.aggregates().get(r) + "/history", "history-title"));
        pages.add(Page.of("methods/" + data.imported().get(r), "method-page"));
        if (role.equals("member")) {
            titleBreakers().forEach(id -> pages.add(Page.of("methods/" + id + "/history", "history-title")));
        }
        switch (role) {
            case "secretary" -> {
                pages.add(Page.of("proposals/mine", "my-proposals-view"));
                requests.forEach(id -> pages.add(methodPage(id)));
                pages.add(Page.of("methods/" + requests.getFirst() + "/history", "history-title"));
                // the editor: Markdown preview, the normalisation assistant's findings, similar entries
                pages.add(Page.of("methods/" + data.aggregates().get(r) + "/propose", "method-title")
                        .showingNoPayloadsBeforeInteraction().then(() -> {
                            browser.js("arguments[0].opened = true;", present(By.id("normalisation-assistant")));
                            click(By.id("normalisation-check"));
                            browser.waitForTextContaining(By.id("normalisation-summary"), "发现");
                        }));
            }
            case "reviewer" -> {
                pages.add(Page.of("reviews", "review-queue"));
                requests.forEach(id -> pages.add(Page.of("reviews/" + id, "review-view")));
                pages.add(methodPage(requests.get(1)));
                pages.add(Page.of("methods/" + requests.get(1) + "/history", "history-title"));
                pages.add(new Page("merge", "merge-start", false, null));
                pages.add(Page.of("merge/" + data.reviewerMerge(), "merge-sources-panel"));
            }
            case "admin" -> {
                pages.add(Page.of("reviews", "review-queue"));
                pages.add(methodPage(requests.get(2)));
                pages.add(Page.of("methods/" + requests.get(2) + "/history", "history-title"));
                pages.add(Page.of("merge/" + data.adminMerge(), "merge-sources-panel"));
                pages.add(Page.of("admin/accounts", "accounts-view"));
                pages.add(Page.of("admin/departments", "departments-view"));
                pages.add(Page.of("admin/branches", "branches-view"));
                pages.add(Page.of("admin/review", "review-settings-view"));
                pages.add(Page.of("admin/audit", "audit-view"));
                // a whole payload as the page's title, among them one that closes the title element
                titleBreakers().forEach(id -> pages.add(Page.of("methods/" + id, "method-page")));
            }
            default -> {
            }
        }
        return pages;
    }

    /** The methods whose title is a payload that closes {@code <title>} or starts a script. */
    private List<Long> titleBreakers() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String lower = PAYLOADS.get(i).toLowerCase(Locale.ROOT);
            if (lower.contains("</title>") || lower.startsWith("<script>")) {
                ids.add(data.published().get(i));
            }
        }
        return ids;
    }

    private void visit(String role, Page page) {
        String label = page.path().isEmpty() ? "home" : page.path();
        long start = System.nanoTime();
        int screens = screensChecked;
        try {
            browser.open(url(page.path()));
            browser.waitFor(By.id(page.element()));
            pagesChecked++;
            long placesBefore = places;
            checkScreen(role, label);
            sweepGrids(role, label);
            if (page.interaction() != null) {
                page.interaction().run();
                checkScreen(role, label + " (after interaction)");
            }
            if (page.showsPayloads() && places == placesBefore) {
                fail(role + " " + label + ": no payload shown as text (did the page render its data?)");
            }
            if (label.equals("methods/" + data.aggregates().getFirst()) || label.equals("glossary")
                    || label.startsWith("reviews/") && label.endsWith(String.valueOf(data.changeRequests().getFirst()))
                    || label.equals("admin/departments")) {
                browser.js("arguments[0].scrollIntoView({block: 'start'});", present(By.id(page.element())));
                browser.screenshot("stored-xss-" + role + "-" + label.replaceAll("[^a-z0-9]+", "-"));
            }
        } catch (UnhandledAlertException e) {
            fail(role + " " + label + ": a real dialog opened (executed): " + e.getAlertText());
        }
        System.out.printf("stored XSS: %s %s: %d screens, %d ms%n", role, label, screensChecked - screens,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Scrolls each grid of the page through all its rows, checking each screenful (grids render only visible rows). */
    private void sweepGrids(String role, String label) {
        long grids = (Long) browser.js("return document.querySelectorAll('vaadin-grid').length;");
        for (int g = 0; g < grids; g++) {
            long size = ((Number) browser.js("const grid = document.querySelectorAll('vaadin-grid')[arguments[0]];"
                    + " return grid.size || 0;", g)).longValue();
            // Half the rows the grid keeps rendered (the screenful and a buffer), so that screens overlap.
            long step = Math.max(5, ((Number) browser.js("const grid = document.querySelectorAll('vaadin-grid')[arguments[0]];"
                    + " return grid.shadowRoot.querySelectorAll('#items tr').length;", g)).longValue() / 2);
            for (long row = step; row < size; row += step) {
                browser.js("document.querySelectorAll('vaadin-grid')[arguments[0]].scrollToIndex(arguments[1]);", g, row);
                browser.waitForVaadin();
                checkScreen(role, label + " (grid " + g + " row " + row + ")");
            }
        }
    }

    private record Scan(List<String> calls, List<String> problems, List<Integer> seen, boolean observed) {
    }

    @SuppressWarnings("unchecked")
    private Scan scan() {
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) browser.driver)
                .executeAsyncScript(SCAN, PAYLOADS);
        return new Scan((List<String>) result.get("calls"), (List<String>) result.get("problems"),
                ((List<Number>) result.get("seen")).stream().map(Number::intValue).toList(),
                Boolean.TRUE.equals(result.get("observed")));
    }

    private void fail(String failure) {
        if (!failure.startsWith("self-check")) {
            System.out.println("stored XSS failure: " + failure);
        }
        failures.add(failure);
    }

    /** Checks what the browser shows now; a failure is collected, so that one run lists all of them. */
    private void checkScreen(String role, String label) {
        try {
            Scan scan = scan();
            screensChecked++;
            if (!scan.observed()) {
                fail(role + " " + label + ": the dialog observer did not run");
            }
            if (!scan.calls().isEmpty()) {
                fail(role + " " + label + ": executed " + scan.calls() + " " + scan.problems());
            } else if (!scan.problems().isEmpty()) {
                fail(role + " " + label + ": markup from the payloads " + scan.problems());
            }
            if ((!scan.calls().isEmpty() || !scan.problems().isEmpty()) && failures.size() <= 5) {
                browser.screenshot("stored-xss-failed-" + failures.size());
            }
            seenByRole.computeIfAbsent(role, r -> new TreeSet<>()).addAll(scan.seen());
            places += scan.seen().size();
        } catch (UnhandledAlertException e) {
            fail(role + " " + label + ": a real dialog opened (executed): " + e.getAlertText());
        }
    }

    // ---- REST

    /** The REST answers that carry HTML, as each role; returns how many fragments were checked. */
    private int checkRestHtml() throws Exception {
        int fragments = 0;
        Set<String> commentTags = Set.of("div", "p", "a", "em", "strong", "b", "i", "code", "ul", "ol", "li",
                "blockquote", "br", "span");
        for (String role : ROLES) {
            for (long id : role.equals("member") ? data.aggregates() : data.allDiscussed()) {
                for (int page = 0; ; page++) {
                    JsonNode body = get(role, "api/v1/methods/" + id + "/comments?anchored=all&size=100&page=" + page);
                    for (JsonNode thread : body.path("content")) {
                        for (JsonNode comment : comments(thread)) {
                            String html = comment.path("html").asString("");
                            if (!html.isEmpty()) {
                                problems(role, "comment " + comment.path("id").asLong(),
                                        SafeHtml.problems(html, commentTags, Set.of("href", "rel", "target", "class")));
                                fragments++;
                            }
                        }
                    }
                    if ((page + 1) * 100L >= body.path("total").asLong()) {
                        break;
                    }
                }
            }
            for (int page = 0; ; page++) {
                JsonNode body = get(role, "api/v1/search?size=50&q=" + URLEncoder.encode(StoredXssFixture.MARK,
                        StandardCharsets.UTF_8) + "&page=" + page);
                for (JsonNode hit : body.path("hits")) {
                    for (var field : hit.path("highlights").properties()) {
                        for (JsonNode fragment : field.getValue()) {
                            problems(role, "search highlight " + hit.path("id").asLong() + "." + field.getKey(),
                                    SafeHtml.problems(fragment.asString(), Set.of("mark"), Set.of()));
                            fragments++;
                        }
                    }
                }
                if ((page + 1) * 50 >= body.path("total").asLong()) {
                    break;
                }
            }
            // Diffs and method texts are JSON data (raw text the client escapes), never served as a page;
            // members see published revisions only, so no diff of a draft revision.
            HttpResponse<String> csv = send(role, "api/v1/methods/" + data.aggregates().getFirst() + "/reviews",
                    "text/csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
            assertThat(csv.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            for (long id : role.equals("member") ? List.<Long>of() : data.aggregates()) {
                HttpResponse<String> diff = send(role, "api/v1/methods/" + id + "/diff?from=1&to=2");
                assertThat(diff.statusCode()).isEqualTo(200);
                assertThat(diff.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
                assertThat(diff.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            }
        }
        return fragments;
    }

    private static List<JsonNode> comments(JsonNode thread) {
        List<JsonNode> all = new ArrayList<>();
        all.add(thread.path("root"));
        thread.path("replies").forEach(all::add);
        return all;
    }

    private void problems(String role, String what, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(role + " REST " + what + ": " + problems);
        }
    }

    private JsonNode get(String role, String path) throws Exception {
        HttpResponse<String> response = send(role, path);
        assertThat(response.statusCode()).as(role + " " + path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String role, String path) throws Exception {
        return send(role, path, "application/json");
    }

    private HttpResponse<String> send(String role, String path, String accept) throws Exception {
        String basic = Base64.getEncoder().encodeToString((role + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path))
                .header("Authorization", "Basic " + basic).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---- setup

    /** Notifications and the like follow after commit, asynchronously: wait until none is pending. */
    private void awaitAfterCommitListeners() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Long pending = jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL",
                    Long.class);
            if (pending != null && pending == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("after-commit listeners still busy after 60 s");
    }
}
