package org.methodportal.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a browser gets from the running server (the pages are Vaadin's, so not through MockMvc):
 * security headers, the session cookie behind a TLS-terminating proxy, the sign-in form's CSRF
 * protection and API documentation behind sign-in when it is not public.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.location=classpath:/", "server.forward-headers-strategy=native",
                "portal.account.public-api-docs=false"})
@ActiveProfiles("test")
class BrowserHeadersTest {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

    @LocalServerPort
    int port;

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() throws Exception {
        HttpClient http = client();
        for (String path : new String[] {"login", "api/v1/me", "styles.css"}) {
            var response = http.send(get(path).build(), HttpResponse.BodyHandlers.ofString());
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "object-src 'none'",
                            "frame-ancestors 'self'", "base-uri 'self'", "form-action 'self'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
        }
    }

    @Test
    void theSessionCookieIsSecureWhenTheProxyInFrontSpeaksTls() throws Exception {
        var plain = client().send(get("login").build(), HttpResponse.BodyHandlers.ofString());
        var proxied = client().send(get("login").header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(plain.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                .contains("JSESSIONID", "HttpOnly").doesNotContain("Secure"));
        assertThat(proxied.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                .contains("JSESSIONID", "HttpOnly", "Secure"));
    }

    @Test
    void theSignInFormIsRefusedWithoutTheTokenItsPageCarries() throws Exception {
        HttpClient http = client();
        var page = http.send(get("login").build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF_META.matcher(page.body());
        assertThat(token.find()).as("the page carries the token for Vaadin's login form").isTrue();
        assertThat(page.body()).contains("<meta name=\"_csrf_parameter\" content=\"_csrf\">");

        var forged = http.send(signIn("member", "portal-demo-2026", null), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("no token: back to the sign-in page").isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(http.send(get("").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("still signed out").isEqualTo(302);

        var real = http.send(signIn("member", "portal-demo-2026", token.group(1)), HttpResponse.BodyHandlers.ofString());
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(real.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
        assertThat(http.send(get("").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void apiDocumentationAsksForSignInWhenItIsNotPublic() throws Exception {
        var docs = client().send(get("v3/api-docs").build(), HttpResponse.BodyHandlers.ofString());
        var swagger = client().send(get("swagger-ui/index.html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(docs.statusCode()).isEqualTo(302);
        assertThat(docs.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(swagger.statusCode()).isEqualTo(302);
        assertThat(docs.body()).doesNotContain("openapi");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path));
    }

    private HttpRequest signIn(String login, String password, String csrf) {
        String form = "username=" + login + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        return get("login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
