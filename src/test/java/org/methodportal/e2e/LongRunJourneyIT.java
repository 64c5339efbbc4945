package org.methodportal.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The portal as it is shipped (H2 in file mode under the data directory, no test profile) kept up
 * past one pool max-lifetime, shortened here to Hikari's minimum of 30 s, while a secretary keeps
 * writing drafts: every connection the pool opened at start, the migration's included, is replaced
 * on the way, and drafts are still created and saved, in the browser and over REST.
 */
@ActiveProfiles(inheritProfiles = false)
@TestPropertySource(properties = {
        "spring.datasource.hikari.max-lifetime=30000",
        // the test jars hold classes Vaadin's class scan of a started server cannot read
        "vaadin.allowed-packages=com.vaadin,org.vaadin,org.methodportal",
        "portal.seed.demo=true"})
class LongRunJourneyIT extends JourneySupport {

    private static final String DATA_DIR = "./target/long-run-journey/" + UUID.randomUUID();
    private static final Duration PAST_MAX_LIFETIME = Duration.ofSeconds(40);
    private static final String SECRETARY = "Basic "
            + Base64.getEncoder().encodeToString(("secretary:" + DEMO_PASSWORD).getBytes(UTF_8));

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("portal.data-dir", () -> DATA_DIR);
    }

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void draftsAreCreatedAndSavedBeforeAndAfterThePoolReplacedEveryConnection() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getURL()).startsWith("jdbc:h2:file:").doesNotContain("DB_CLOSE_DELAY");
        }
        Set<String> sessionsAtStart = sessions();
        long started = System.nanoTime();

        signIn("secretary", DEMO_PASSWORD);
        long first = draftInTheEditor("长跑旅程法甲");

        int written = 0;
        while (System.nanoTime() - started < PAST_MAX_LIFETIME.toNanos()) {
            HttpResponse<String> created = send("POST", "/api/v1/proposals", null, "长跑接口法" + written);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            written++;
            Thread.sleep(3_000);
        }
        assertThat(written).isGreaterThan(5);

        Set<String> stillOpen = sessions();
        stillOpen.retainAll(sessionsAtStart);
        assertThat(stillOpen).as("database sessions from the start still open").isEmpty();

        HttpResponse<String> saved = send("PUT", "/api/v1/proposals/" + first, "\"1\"", "长跑旅程法甲（修订）");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(draftInTheEditor("长跑旅程法乙")).isGreaterThan(first);
        browser.screenshot("long-run-after-max-lifetime");
    }

    /** 新建工作法 in the browser, the required fields, 保存: the id of the new draft. */
    private long draftInTheEditor(String title) {
        browser.open(url("methods/new"));
        browser.waitFor(By.id("method-title"));
        browser.waitForVaadin();
        type(By.id("method-title"), title);
        chooseItem(By.id("method-category"), "践行群众路线");
        type(By.id("method-problem"), "群众诉求多，办理进度不透明。");
        type(By.id("method-measures-0"), "建立诉求台账");
        click(By.id("method-save"));
        return methodIdFromAddress();
    }

    private HttpResponse<String> send(String verb, String path, String ifMatch, String title) throws Exception {
        String body = """
                {"title": "%s", "category": "践行群众路线", "problem": "群众诉求多，办理进度不透明。",
                 "measures": ["建立诉求台账"], "steps": ["登记"], "tags": [], "changeNote": "长跑"}""".formatted(title);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path.substring(1))))
                .header("Authorization", SECRETARY).header("Content-Type", "application/json")
                .method(verb, HttpRequest.BodyPublishers.ofString(body, UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    private Set<String> sessions() throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT session_id FROM information_schema.sessions")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
