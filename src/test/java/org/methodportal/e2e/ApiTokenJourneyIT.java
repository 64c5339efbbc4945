package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A member creates an API token on the profile page, a script uses it, and revoking it stops the script. */
class ApiTokenJourneyIT extends JourneySupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTokenMadeOnTheProfilePageCallsTheApiUntilItIsRevoked() throws Exception {
        signIn("member", DEMO_PASSWORD);
        browser.open(url("profile"));
        browser.waitFor(By.id("tokens-empty"));

        click(By.id("tokens-create"));
        type(By.id("tokens-name"), "统计脚本");
        click(By.id("tokens-save"));
        browser.waitFor(By.id("tokens-created-dialog"));
        String secret = value(By.id("tokens-secret"));
        assertThat(secret).startsWith("mpt_");
        browser.screenshot("api-token-created");

        assertThat(me(secret).statusCode()).isEqualTo(200);
        assertThat(me(secret).body()).contains("\"login\":\"member\"");

        click(By.id("tokens-done"));
        browser.waitFor(By.id("tokens-grid"));
        assertThat(browser.driver.findElement(By.id("tokens-grid")).getText()).doesNotContain(secret.substring(12));
        long id = Long.parseLong(browser.driver.findElements(By.cssSelector("[id^='tokens-revoke-']")).getFirst()
                .getDomAttribute("id").substring("tokens-revoke-".length()));
        browser.screenshot("api-token-list");
        click(By.id("tokens-revoke-" + id));
        click(By.xpath("//vaadin-confirm-dialog//vaadin-button[@slot='confirm-button'] | "
                + "//vaadin-button[@slot='confirm-button']"));

        assertThat(me(secret).statusCode()).isEqualTo(401);
        browser.waitForTextContaining(By.id("tokens-grid"), "已撤销");
    }

    private HttpResponse<String> me(String secret) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
    }
}
