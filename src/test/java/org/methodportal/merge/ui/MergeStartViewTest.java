package org.methodportal.merge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.method.MethodService;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.search.SearchIndexer;
import org.methodportal.shared.ServiceTest;
import org.methodportal.shared.SystemAuthentication;
import org.methodportal.ui.SimilarMethods;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;

/**
 * Starting a merge without a browser: the page suggests as further sources the methods most like
 * the chosen one, the same list as its page's similar methods, and adding one moves it to the sources.
 */
@ServiceTest
@WithUserDetails("reviewer")
@ViewPackages(classes = {MergeStartView.class, MethodPageView.class})
class MergeStartViewTest extends SpringBrowserlessTest {

    @Autowired
    MethodService methods;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    SystemAuthentication system;
    @Autowired
    SimilarMethods similar;

    @BeforeEach
    void indexed() {
        indexer.drain();
    }

    @Test
    void theMethodsMostLikeTheChosenSourceAreSuggestedAndOneIsAddedWithAClick() {
        long source = system.callAsSystem(() -> methods.idByExternalId("seed-mof-wuduijie")).orElseThrow();
        List<String> expected = similar.similarTo(source, MergeStartView.SUGGESTED).stream()
                .map(SimilarMethods.Link::route).toList();
        assertThat(expected).as("the seed methods have similar ones").isNotEmpty().doesNotContain("methods/" + source);

        UI.getCurrent().navigate(MergeStartView.class, MergeStartView.query(List.of(source)));
        MergeStartView view = AopTestUtils.getUltimateTargetObject(getCurrentView());

        assertThat($(Anchor.class, view.suggestions).all()).extracting(Anchor::getHref).isEqualTo(expected);
        String first = expected.getFirst();
        long added = Long.parseLong(first.substring(first.lastIndexOf('/') + 1));
        test($(Button.class, view.suggestions).id("merge-suggestion-add-" + added)).click();

        assertThat(view.sourceList.getElement().getTextRecursively()).contains("#" + added);
        assertThat($(Anchor.class, view.suggestions).all()).extracting(Anchor::getHref).doesNotContain(first);
    }
}
