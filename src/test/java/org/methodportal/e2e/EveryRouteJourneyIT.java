package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.router.Route;

/**
 * Every page of the portal opened by an administrator with the shipped Content-Security-Policy in
 * force: none may log a console error (a blocked script, style, image or connection shows as one).
 * The routes come from the {@code @Route} classes, so a new page is covered without listing it.
 */
class EveryRouteJourneyIT extends JourneySupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyPageRendersUnderTheContentSecurityPolicyWithoutConsoleErrors() throws Exception {
        long method = jdbc.queryForObject("SELECT MIN(id) FROM method WHERE status = 'PUBLISHED'", Long.class);
        List<String> routes = routes();
        assertThat(routes).as("the scan found the pages").contains("", "search", "admin/accounts", "methods/:id(\\d+)");

        signIn("admin", DEMO_PASSWORD);
        browser.waitFor(org.openqa.selenium.By.id("home-greeting"));
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (String route : routes) {
            String path = route.replaceAll(":id\\([^)]*\\)", String.valueOf(method));
            browser.open(url(path));
            assertThat(browser.driver.getPageSource()).as(path).doesNotContain("Whitelabel");
            List<String> logged = browser.consoleErrors();
            if (!logged.isEmpty()) {
                errors.put(path, logged);
            }
        }
        browser.open(url("search?q=" + java.net.URLEncoder.encode("谈心谈话", java.nio.charset.StandardCharsets.UTF_8)));
        browser.screenshot("every-route-search");

        assertThat(errors).as("console errors per page").isEmpty();
    }

    private static List<String> routes() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        var routes = new TreeSet<String>();
        for (var candidate : scanner.findCandidateComponents("org.methodportal")) {
            Route route = Class.forName(candidate.getBeanClassName()).getAnnotation(Route.class);
            if (!"login".equals(route.value())) {
                routes.add(route.value());
            }
        }
        return List.copyOf(routes);
    }
}
