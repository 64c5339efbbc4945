package org.methodportal.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.ServiceTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;

/** The queue says how long a proposal has waited in the unit that fits, not "0 hours" for a quarter of an hour. */
@ServiceTest
@WithUserDetails("reviewer")
@ViewPackages(classes = ReviewQueueView.class)
class ReviewQueueViewTest extends SpringBrowserlessTest {

    @Test
    void waitingTimesUseMinutesHoursOrDays() {
        UI.getCurrent().navigate("reviews");
        ReviewQueueView view = AopTestUtils.getUltimateTargetObject(getCurrentView());

        assertThat(ReviewQueueView.waiting(view, Duration.ofSeconds(40))).isEqualTo("不到 1 分钟");
        assertThat(ReviewQueueView.waiting(view, Duration.ofMinutes(13))).isEqualTo("13 分钟");
        assertThat(ReviewQueueView.waiting(view, Duration.ofMinutes(59).plusSeconds(59))).isEqualTo("59 分钟");
        assertThat(ReviewQueueView.waiting(view, Duration.ofMinutes(61))).isEqualTo("1 小时");
        assertThat(ReviewQueueView.waiting(view, Duration.ofHours(23))).isEqualTo("23 小时");
        assertThat(ReviewQueueView.waiting(view, Duration.ofDays(3).plusHours(5))).isEqualTo("3 天");
    }
}
