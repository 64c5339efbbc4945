package org.methodportal.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.notification.WatchService;
import org.methodportal.shared.AfterCommitListeners;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;

/** The watch toggle on the method page, on the real services. */
@ServiceTest
@WithUserDetails("secretary")
@ViewPackages(classes = MethodPageView.class)
class WatchToggleTest extends SpringBrowserlessTest {

    @Autowired
    MethodService methods;
    @Autowired
    WatchService watches;
    @Autowired
    EventPublicationRegistry registry;

    @Test
    void theAuthorSeesWatchingAndOneClickStopsAndAnotherStartsWatching() {
        long id = methods.createDraft(new MethodContent("关注按钮 " + UUID.randomUUID().toString().substring(0, 6),
                "摘要", Category.MASS_LINE, "问题", "思路", List.of("措施"), List.of("步骤"), "成效", "范围",
                List.of("关注"), null), null, null, null).id();
        AfterCommitListeners.awaitMethodEvents(registry);
        navigate("methods/" + id, MethodPageView.class);

        Button toggle = $(Button.class).id("method-watch");
        assertThat(toggle.getText()).isEqualTo("已关注");
        test(toggle).click();
        assertThat(toggle.getText()).isEqualTo("关注");
        assertThat(watches.isWatching(id)).isFalse();
        test(toggle).click();
        assertThat(toggle.getText()).isEqualTo("已关注");
        assertThat(watches.isWatching(id)).isTrue();
    }
}
