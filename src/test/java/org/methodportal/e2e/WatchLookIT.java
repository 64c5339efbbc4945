package org.methodportal.e2e;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.comment.CommentPosted;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.TestUsers;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** Throwaway: screenshots of the watch toggle, folded notifications and the profile setting. */
class WatchLookIT extends JourneySupport {

    @Autowired
    MethodService methods;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void look() {
        TestUsers.signInAs(users, securityContexts, "secretary");
        long id = methods.createDraft(new MethodContent("分片包干联系群众工作法", "支部委员分片包干，联系服务群众。",
                Category.MASS_LINE, "机关联系群众不经常、不到位。", "人人有责任田。", List.of("划分责任片区"),
                List.of("分片走访"), "群众满意度提高。", "适用于联系群众多的支部。", List.of("联系群众"), null),
                null, null, "初稿").id();
        comment("reviewer", id, "第一条");
        comment("reviewer2", id, "第二条");
        comment("reviewer", id, "第三条");
        comment("admin", id, "请 @secretary 看一下");
        comment("admin", id, "第五条");
        comment("reviewer2", id, "第六条");
        securityContexts.clearContext();

        signIn("secretary", DEMO_PASSWORD);
        browser.open(url("methods/" + id));
        browser.waitFor(By.id("method-watch"));
        browser.screenshot("watch-toggle-on");
        click(By.id("method-watch"));
        browser.waitForText(By.id("method-watch"), "关注");
        browser.screenshot("watch-toggle-off");
        browser.open(url("notifications"));
        browser.waitFor(By.id("notifications"));
        browser.screenshot("watch-notifications");
        browser.open(url("profile"));
        browser.waitFor(By.id("profile-auto-watch"));
        browser.screenshot("watch-profile");
    }

    private void comment(String login, long id, String text) {
        PortalUser user = TestUsers.signInAs(users, securityContexts, login);
        transactions.executeWithoutResult(tx -> events.publishEvent(new CommentPosted(1, id, id, user.id(), null,
                text, Instant.now())));
    }
}
