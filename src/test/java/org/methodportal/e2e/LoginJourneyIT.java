package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Signing in and out, per role, as people do it in the browser. */
class LoginJourneyIT extends JourneySupport {

    @Test
    void loginPageIsChineseByDefault() {
        browser.open(url(""));
        browser.waitFor(By.id("login-view"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
        assertThat(browser.driver.getTitle()).contains("支部工作法库");
        assertThat(browser.waitFor(By.cssSelector(".portal-login-title")).getText()).isEqualTo("支部工作法库");
        browser.screenshot("login-page");
    }

    @Test
    void eachDemoRoleSeesItsNavigation() {
        assertNavigation("admin", List.of("nav-home", "nav-admin-departments", "nav-admin-branches",
                "nav-admin-accounts", "nav-admin-audit"), List.of());
        assertNavigation("reviewer", List.of("nav-home"), List.of("nav-admin-accounts", "nav-admin-audit"));
        assertNavigation("secretary", List.of("nav-home"), List.of("nav-admin-accounts"));
        assertNavigation("member", List.of("nav-home"), List.of("nav-admin-departments", "nav-admin-accounts"));
    }

    private void assertNavigation(String login, List<String> visible, List<String> hidden) {
        browser.signOutHard();
        signIn(login, DEMO_PASSWORD);
        browser.waitFor(By.id("home-greeting"));
        browser.waitFor(By.id("nav-home"));
        for (String id : visible) {
            assertThat(browser.isPresent(By.id(id))).as(login + " sees " + id).isTrue();
        }
        for (String id : hidden) {
            assertThat(browser.isPresent(By.id(id))).as(login + " does not see " + id).isFalse();
        }
        browser.screenshot("home-" + login);
    }

    @Test
    void homeGreetsTheUserAndListsWhatTheirRolesAllow() {
        signIn("secretary", DEMO_PASSWORD);
        assertThat(browser.waitFor(By.id("home-greeting")).getText()).isEqualTo("您好，李书记");
        assertThat(browser.isPresent(By.id("home-role-secretary"))).isTrue();
        assertThat(browser.isPresent(By.id("home-role-member"))).isTrue();
        assertThat(browser.isPresent(By.id("home-role-admin"))).isFalse();
    }

    @Test
    void signingInIssuesANewSessionId() {
        browser.open(url("login"));
        browser.waitFor(By.id("login-view"));
        String before = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
        signIn("member", DEMO_PASSWORD);
        browser.waitFor(By.id("home-greeting"));
        String after = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void wrongPasswordShowsAChineseError() {
        signIn("secretary2", "wrong-password-1");
        assertThat(loginError()).contains("登录名或密码不正确");
        assertThat(browser.driver.getCurrentUrl()).contains("/login");
    }

    @Test
    void guessesFromElsewhereNeverLockTheOwnerOut() throws Exception {
        // Someone at another address guesses reviewer2's password over the API until told to wait.
        HttpClient attacker = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 6; i++) {
            String basic = Base64.getEncoder().encodeToString(("reviewer2:guess-" + i).getBytes(StandardCharsets.UTF_8));
            last = attacker.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
            statuses.add(last.statusCode());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());

        // The owner, in the browser, signs in at once.
        signIn("reviewer2", DEMO_PASSWORD);
        browser.waitFor(By.id("home-greeting"));
    }

    @Test
    void repeatedFailuresMakeTheNextAttemptWaitLongerEachTime() throws Exception {
        // From the browser's own address: five free failures, then each failure doubles the wait.
        for (int i = 0; i < 5; i++) {
            signIn("secretary2", "not-the-password-" + i);
            assertThat(loginError()).contains("登录名或密码不正确");
        }
        Thread.sleep(1_100);
        signIn("secretary2", "not-the-password-5");
        assertThat(loginError()).contains("登录名或密码不正确");
        Thread.sleep(2_100);
        signIn("secretary2", "not-the-password-6");
        assertThat(loginError()).contains("登录名或密码不正确");

        signIn("secretary2", DEMO_PASSWORD);
        assertThat(loginError()).as("within the 4 s wait, even the right password").contains("秒后再试");
        assertThat(browser.isPresent(By.id("home-greeting"))).isFalse();
        browser.screenshot("login-throttled");

        Thread.sleep(4_100);
        signIn("secretary2", DEMO_PASSWORD);
        browser.waitFor(By.id("home-greeting"));
    }

    @Test
    void memberTypingAnAdminAddressIsRefused() {
        signIn("member", DEMO_PASSWORD);
        browser.waitFor(By.id("home-greeting"));
        browser.open(url("admin/accounts"));
        WebElement denied = browser.waitFor(By.id("access-denied"));
        assertThat(denied.getText()).contains("无权访问");
        assertThat(browser.isPresent(By.id("grid"))).isFalse();
        browser.screenshot("member-access-denied");
    }

    @Test
    void logoutReturnsToTheLoginPage() {
        signIn("member", DEMO_PASSWORD);
        browser.waitFor(By.id("home-greeting"));
        browser.waitFor(By.id("user-menu")).findElement(By.cssSelector("vaadin-menu-bar-button")).click();
        browser.waitFor(By.id("menu-logout")).click();
        browser.waitFor(By.id("login-view"));
        browser.open(url(""));
        browser.waitFor(By.id("login-view"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void languageChoiceFollowsTheAccountToTheNextSignIn() {
        signIn("secretary2", DEMO_PASSWORD);
        browser.open(url("profile"));
        browser.waitFor(By.id("profile-language"));
        browser.driver.findElement(By.cssSelector("#profile-language vaadin-radio-button:nth-of-type(2) input")).click();
        browser.waitForText(By.cssSelector("#profile-view h2"), "Profile");

        browser.signOutHard();
        signIn("secretary2", DEMO_PASSWORD);
        assertThat(browser.waitFor(By.id("home-greeting")).getText()).isEqualTo("Hello, 陈书记");
        browser.screenshot("home-english");

        browser.open(url("profile"));
        browser.waitFor(By.id("profile-language"));
        browser.driver.findElement(By.cssSelector("#profile-language vaadin-radio-button:nth-of-type(1) input")).click();
        browser.waitForText(By.cssSelector("#profile-view h2"), "个人资料");
    }
}
