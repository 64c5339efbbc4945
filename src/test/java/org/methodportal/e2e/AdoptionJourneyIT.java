package org.methodportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 一抓到底 in the browser: a secretary of another department adopts a published demo method for
 * their branch with a plan, later reports that it works, and a member reading the method sees
 * where it is used, the rating and the report.
 */
class AdoptionJourneyIT extends JourneySupport {

    private static final String TITLE = "“接地气”工作法";

    @Autowired
    MethodService methods;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    void aSecretaryAdoptsAMethodReportsOnItAndAMemberSeesWhereItIsUsed() {
        long id = publishedId();

        signIn("secretary2", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        browser.waitForTextContaining(By.id("adoption-count"), "还没有支部采用");
        click(By.id("adoption-adopt"));
        present(By.id("adoption-adopt-dialog"));
        type(By.id("adoption-plan"), "先在种植业管理司试行，支委分片负责，每季度总结一次");
        browser.screenshot("adoption-adopt");
        click(By.id("adoption-adopt-confirm"));
        browser.waitForTextContaining(By.id("adoption-own"), "本支部自");
        assertThat(browser.waitFor(By.id("adoption-count")).getText()).contains("已有 1 个支部采用");
        assertThat(browser.isPresent(By.id("adoption-adopt"))).as("adopted once at a time").isFalse();

        click(By.id("adoption-report"));
        present(By.id("adoption-report-dialog"));
        chooseRadio("adoption-status", "见效");
        chooseRadio("adoption-rating", "5");
        type(By.id("adoption-outcome"), "走访群众的次数翻了一番，反映的问题当月都有回音");
        type(By.id("adoption-participants"), "23");
        click(By.id("adoption-report-confirm"));
        browser.waitForTextContaining(By.id("adoption-reports"), "走访群众的次数翻了一番");
        assertThat(browser.waitFor(By.id("adoption-own")).getText()).contains("已报告 1 次");

        browser.signOutHard();
        signIn("member", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        WebElement section = present(By.id("method-adoption"));
        browser.js("arguments[0].scrollIntoView({block: 'start'});", section);
        assertThat(browser.waitFor(By.id("adoption-count")).getText()).contains("已有 1 个支部采用", "5.0");
        assertThat(browser.waitFor(By.id("adoption-departments")).getText()).contains("农业部 1 个支部");
        assertThat(browser.waitFor(By.id("adoption-reports")).getText())
                .contains("种植业管理司党支部", "见效", "5 分", "走访群众的次数翻了一番");
        assertThat(browser.isPresent(By.id("adoption-adopt"))).as("members do not adopt").isFalse();
        browser.screenshot("adoption-member");
    }

    private long publishedId() {
        TestUsers.signInAs(users, securityContexts, "member");
        try {
            List<MethodSummary> found = methods.find(new MethodFilter(null, null, MethodStatus.PUBLISHED, null, null,
                    false, TITLE), new PageRequest(0, 5, "updatedAt", false));
            return found.stream().filter(m -> m.title().equals(TITLE)).findFirst().orElseThrow().id();
        } finally {
            securityContexts.clearContext();
        }
    }
}
