package org.methodportal.method.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.methodportal.account.AccountRef;
import org.methodportal.account.AccountService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.MethodSummary;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;

/** The browse filters are read from the address and written back to it, so a filtered list can be shared. */
@ServiceTest
@WithUserDetails("reviewer")
@ViewPackages(classes = MethodListView.class)
class MethodListViewTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accounts;
    @Autowired
    MethodService methods;

    @Test
    void filtersComeFromTheAddressAndGoBackIntoIt() {
        AccountRef secretary = accounts.findRefByLogin("secretary").orElseThrow();

        MethodListView view = open("q=台账&category=践行群众路线&status=DRAFT&tag=对接&author=" + secretary.id());

        assertThat(view.author.getValue()).isEqualTo(secretary);
        assertThat(view.filter()).isEqualTo(new MethodFilter(Category.MASS_LINE, null, MethodStatus.DRAFT, "对接",
                secretary.id(), false, "台账"));
        assertThat(view.queryParameters().getParameters()).isEqualTo(Map.of("q", List.of("台账"),
                "category", List.of("MASS_LINE"), "status", List.of("DRAFT"), "tag", List.of("对接"),
                "author", List.of(String.valueOf(secretary.id()))));
    }

    @Test
    void theListSaysHowManyMethodsItHolds() {
        MethodListView view = open("status=PUBLISHED");

        long published = methods.count(view.filter()).value();
        assertThat(published).isPositive();
        assertThat(view.total.getText()).isEqualTo("共 " + published + " 个工作法");

        view = open("q=没有这样的标题");
        assertThat(view.total.getText()).isEqualTo("共 0 个工作法");
    }

    @Test
    void adoptedMethodsAreAFilterOfTheAddressAndTheMostAdoptedCanComeFirst() {
        MethodListView view = open("adopted=true");

        assertThat(view.adopted.getValue()).isTrue();
        assertThat(view.queryParameters().getParameters()).isEqualTo(Map.of("adopted", List.of("true")));
        // the demo data has branches using three published methods (other tests may add more)
        long adopted = methods.count(view.filter()).value();
        assertThat(adopted).isGreaterThanOrEqualTo(3).isLessThan(methods.count(MethodFilter.ALL).value());
        assertThat(view.total.getText()).isEqualTo("共 " + adopted + " 个工作法");
        assertThat(methods.find(view.filter(), new PageRequest(0, 10, "adoptions", false)))
                .allSatisfy(m -> assertThat(m.adoptingBranches()).isPositive())
                .extracting(MethodSummary::adoptingBranches).isSortedAccordingTo(Comparator.reverseOrder());
    }

    private MethodListView open(String query) {
        UI.getCurrent().navigate(MethodListView.ROUTE, QueryParameters.fromString(query));
        return AopTestUtils.getUltimateTargetObject(getCurrentView());
    }

    @Test
    void unknownValuesInTheAddressAreIgnored() {
        MethodListView view = open("status=NOPE&department=abc&author=-5&mine=yes");

        assertThat(view.filter()).isEqualTo(new MethodFilter(null, null, null, "", null, false, ""));
        assertThat(view.queryParameters().getQueryString()).isEmpty();
    }
}
