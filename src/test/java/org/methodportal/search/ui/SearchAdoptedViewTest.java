package org.methodportal.search.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.method.MethodService;
import org.methodportal.search.SearchSort;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;

/** 已被采用 and "most adopted first" come from the address and list only methods branches use, most used first. */
@ServiceTest
@WithUserDetails("member")
@ViewPackages(classes = SearchView.class)
class SearchAdoptedViewTest extends SpringBrowserlessTest {

    @Autowired
    MethodService methods;

    @Test
    void theAdoptedFilterAndTheMostAdoptedOrderComeFromTheAddress() {
        UI.getCurrent().navigate("search", QueryParameters.fromString("adopted=true&sort=adopted"));
        SearchView view = AopTestUtils.getUltimateTargetObject(getCurrentView());

        assertThat(view.adopted.getValue()).isTrue();
        assertThat(view.sort.getValue()).isEqualTo(SearchSort.MOST_ADOPTED);
        List<Integer> adopting = $(Anchor.class, view.results).all().stream().map(Anchor::getHref)
                .filter(href -> href.matches("methods/\\d+")).distinct()
                .map(href -> methods.get(Long.parseLong(href.substring("methods/".length()))).adoptingBranches())
                .toList();
        // the demo branches use three published methods (other tests may add more)
        assertThat(adopting).hasSizeGreaterThanOrEqualTo(3).allSatisfy(n -> assertThat(n).isPositive())
                .isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }
}
