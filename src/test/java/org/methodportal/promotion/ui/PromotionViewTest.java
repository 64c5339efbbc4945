package org.methodportal.promotion.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.TestUsers.signInAs;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.methodportal.account.Department;
import org.methodportal.account.OrganisationService;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.promotion.Coverage;
import org.methodportal.promotion.NewPromotion;
import org.methodportal.promotion.Promotion;
import org.methodportal.promotion.PromotionDecision;
import org.methodportal.promotion.PromotionService;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * A reviewer starts a promotion from the method page and lands on its coverage; a secretary of a
 * targeted branch declines from the promotion page, which the coverage then counts.
 */
@ServiceTest
@ViewPackages(classes = {MethodPageView.class, PromotionView.class})
class PromotionViewTest extends SpringBrowserlessTest {

    @Autowired
    PromotionService promotions;
    @Autowired
    MethodService methods;
    @Autowired
    OrganisationService organisation;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    @WithUserDetails("reviewer")
    @SuppressWarnings("unchecked")
    void aReviewerStartsAPromotionSeeingHowManyBranchesItReachesAndLandsOnItsCoverage() {
        long method = published("“支点”工作法");
        navigate("methods/" + method, MethodPageView.class);
        test($(Button.class).id("promotion-start")).click();
        Dialog dialog = $(Dialog.class).id("promotion-start-dialog");
        Button start = $(Button.class, dialog).id("promotion-start-confirm");
        assertThat(start.isEnabled()).isFalse();
        MultiSelectComboBox<Department> departments = $(MultiSelectComboBox.class, dialog).id("promotion-departments");
        assertThat(departments.getListDataView().getItems().map(Department::name).toList())
                .as("the departments reviewer reviews").containsExactlyInAnyOrder("财政部", "国土资源部", "农业部", "审计署");
        Department audit = departments.getListDataView().getItems().filter(d -> d.name().equals("审计署")).findFirst()
                .orElseThrow();
        departments.setValue(Set.of(audit));
        long reach = promotions.branchesReached(false, List.of(audit.id()));
        assertThat($(Paragraph.class, dialog).id("promotion-reach").getText()).startsWith("将推广到 " + reach + " 个支部");
        test($(TextArea.class, dialog).id("promotion-message")).setValue("请审计现场的临时党支部学习");
        test(start).click();

        assertThat(getCurrentView()).isInstanceOf(PromotionView.class);
        Grid<Coverage.Row> coverage = $(Grid.class).id("promotion-coverage");
        assertThat(coverage.getListDataView().getItems().map(Coverage.Row::departmentName).toList())
                .containsExactly("审计署");
        assertThat($(Paragraph.class).id("promotion-coverage-total").getText())
                .isEqualTo("共推广到 " + reach + " 个支部：已决定 0 个（0%），采用 0 个，报告见效 0 个。");
        assertThat($(Paragraph.class).id("promotion-message-text").getText()).isEqualTo("请审计现场的临时党支部学习");
    }

    @Test
    @WithUserDetails("secretary")
    void aSecretaryDeclinesWithAReasonAndTheCoverageCountsIt() {
        long method = published("“五对接”工作法");
        signInAs(users, securityContexts, "reviewer");
        long finance = organisation.enabledDepartments().stream().filter(d -> d.name().equals("财政部"))
                .findFirst().orElseThrow().id();
        Promotion promotion = promotions.start(method, new NewPromotion(null, false, List.of(finance)));
        signInAs(users, securityContexts, "secretary");

        navigate("promotions/" + promotion.id(), PromotionView.class);
        assertThat($(Grid.class).withId("promotion-coverage").exists()).as("coverage is for reviewers").isFalse();
        test($(Button.class).id("promotion-decline")).click();
        Dialog dialog = $(Dialog.class).id("promotion-decide-dialog");
        test($(Button.class, dialog).id("promotion-decide-confirm")).click();
        assertThat(dialog.isOpened()).as("a reason is required").isTrue();
        test($(TextArea.class, dialog).id("promotion-decide-reason")).setValue("年底预算编制，明年一季度再学");
        test($(Button.class, dialog).id("promotion-decide-confirm")).click();
        assertThat($(Div.class).id("promotion-decision").getElement().getTextRecursively())
                .contains("本支部已决定暂不采用", "年底预算编制，明年一季度再学");
        assertThat($(Button.class).withId("promotion-adopt").exists()).isFalse();

        signInAs(users, securityContexts, "reviewer");
        assertThat(promotions.coverage(promotion.id()).total().decided()).isEqualTo(1);
        assertThat(promotions.ownDecision(promotion.id())).isEmpty();
        assertThat(promotions.latestDecisions(promotion.id())).singleElement()
                .satisfies(d -> assertThat(d.decision()).isEqualTo(PromotionDecision.DECLINE));
    }

    @Test
    @WithUserDetails("reviewer")
    void theOverviewListsExemplarsAndTheLatestPromotions() {
        long method = published("“支点”工作法");
        promotions.designate(method, "临时党支部建在审计一线");
        long audit = organisation.enabledDepartments().stream().filter(d -> d.name().equals("审计署")).findFirst()
                .orElseThrow().id();
        Promotion promotion = promotions.start(method, new NewPromotion("请学习", false, List.of(audit)));

        navigate(PromotionsView.class);
        assertThat($(com.vaadin.flow.component.html.UnorderedList.class).id("promotions-exemplars").getElement()
                .getTextRecursively()).contains("“支点”工作法", "临时党支部建在审计一线");
        assertThat($(com.vaadin.flow.component.html.Anchor.class).all()).extracting(a -> a.getHref())
                .contains("promotions/" + promotion.id());
        promotions.withdraw(method);
    }

    private long published(String title) {
        return methods.find(new MethodFilter(null, null, MethodStatus.PUBLISHED, null, null, false, title),
                new PageRequest(0, 5, "updatedAt", false)).stream().filter(m -> m.title().equals(title)).findFirst()
                .orElseThrow().id();
    }
}
