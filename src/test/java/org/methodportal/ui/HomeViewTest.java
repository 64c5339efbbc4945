package org.methodportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.ServiceTest;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;

/**
 * Each person's home page shows their own work from the demo data: a secretary their open
 * proposals with the next step and their branch's adoptions, a reviewer the proposals waiting for
 * them, everyone what was published; blocks that do not concern a person are not shown.
 */
@ServiceTest
@ViewPackages(classes = HomeView.class)
class HomeViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("secretary2")
    void aSecretarySeesTheirProposalsWithTheNextStepAndTheirBranchsAdoptions() {
        HomeView home = navigate(HomeView.class);

        assertThat(items(home, "home-proposals")).anySatisfy(item -> assertThat(item).contains("“田间课堂”工作法"));
        assertThat(items(home, "home-adoptions")).anySatisfy(item -> assertThat(item).contains("“三抓四比”工作法", "已报告 2 次"));
        assertThat(blockIds(home)).contains("home-published", "home-notifications", "home-promotions", "home-exemplars")
                .doesNotContain("home-reviews");
    }

    @Test
    @WithUserDetails("reviewer")
    void aReviewerSeesTheProposalsWaitingForThemOldestFirst() {
        HomeView home = navigate(HomeView.class);

        assertThat(items(home, "home-reviews")).anySatisfy(item -> assertThat(item).contains("预算绩效“三张清单”工作法", "已等待"));
        assertThat(blockIds(home)).doesNotContain("home-adoptions").contains("home-rechecks");
    }

    @Test
    @WithUserDetails("member")
    void aMemberSeesWhatWasPublishedAndNoEmptyBlocksOfOtherRoles() {
        HomeView home = navigate(HomeView.class);

        assertThat(blockIds(home)).doesNotContain("home-proposals", "home-reviews", "home-adoptions", "home-rechecks",
                        "home-promotions")
                .contains("home-published", "home-notifications");
        assertThat(items(home, "home-published")).hasSizeBetween(1, HomeSection.ITEMS);
        // the demo branches use 三抓四比, 支点 and 五对接 (other tests may add adoptions)
        assertThat(items(home, "home-most-adopted")).hasSizeBetween(3, HomeSection.ITEMS)
                .anySatisfy(item -> assertThat(item).contains("“三抓四比”工作法", "个支部采用"))
                .allSatisfy(item -> assertThat(item).containsPattern("\\d+ 个支部采用"));
    }

    private List<String> blockIds(HomeView home) {
        return $(HomeSection.class, home).all().stream().map(s -> s.getId().orElse("")).toList();
    }

    private List<String> items(HomeView home, String blockId) {
        HomeSection block = $(HomeSection.class, home).id(blockId);
        return $(ListItem.class, block).all().stream().map(HomeViewTest::text).toList();
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }
}
