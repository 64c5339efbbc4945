package org.methodportal.search.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.reset;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.method.MethodStatus;
import org.methodportal.search.FacetCount;
import org.methodportal.search.SearchHit;
import org.methodportal.search.SearchResult;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.shared.ServiceTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.util.AopTestUtils;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;

/**
 * A search matching more hits than its facets are counted over shows their counts as 约 N with a
 * note saying what they count; the status facet and an exactly counted search show plain counts.
 */
@ServiceTest
@WithUserDetails("admin")
@ViewPackages(classes = {SearchView.class, SearchAdminView.class})
class SearchFacetsViewTest extends SpringBrowserlessTest {

    @MockitoSpyBean
    SearchIndex index;

    @AfterEach
    void resetIndex() {
        reset(index);
    }

    @Test
    void approximateFacetCountsReadAboutWithANoteAndTheStatusStaysExact() {
        doReturn(result(true)).when(index).search(any());

        SearchView view = open("q=抽样计数");

        assertThat(chips(view, "category")).containsExactly("践行群众路线 (约 10)");
        assertThat(chips(view, "tag")).containsExactly("标题命中 (约 10)");
        assertThat(chips(view, "status")).containsExactly("已发布 (30)");
        assertThat(note(view)).hasValueSatisfying(text -> assertThat(text).contains("按相关度最高的前 5000 条"));
        Button category = (Button) facet(view, "category").getChildren().filter(Button.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(category.getTooltip().getText()).contains("按相关度最高的前 5000 条");
        assertThat(view.total.getText()).contains("30");
    }

    @Test
    void exactFacetCountsArePlainNumbers() {
        doReturn(result(false)).when(index).search(any());

        SearchView view = open("q=抽样计数");

        assertThat(chips(view, "category")).containsExactly("践行群众路线 (10)");
        assertThat(note(view)).isEmpty();
    }

    private static SearchResult result(boolean approximate) {
        var hit = new SearchHit(1, null, "“抽样计数”工作法", Category.MASS_LINE, 1, "某部办公厅", MethodStatus.PUBLISHED, 1f,
                Map.of());
        Map<String, List<FacetCount>> facets = Map.of(
                "category", List.of(new FacetCount(Category.MASS_LINE.name(), Category.MASS_LINE.name(), 10)),
                "tag", List.of(new FacetCount("标题命中", "标题命中", 10)),
                "status", List.of(new FacetCount("PUBLISHED", "PUBLISHED", 30)));
        return new SearchResult(30, List.of(hit), facets, 0, SearchView.PAGE_SIZE, approximate);
    }

    private SearchView open(String query) {
        UI.getCurrent().navigate("search", QueryParameters.fromString(query));
        return (SearchView) AopTestUtils.getUltimateTargetObject(getCurrentView());
    }

    private static Component facet(SearchView view, String facet) {
        return view.facets.getChildren().filter(c -> c.getId().equals(Optional.of("facet-" + facet))).findFirst()
                .orElseThrow();
    }

    private static List<String> chips(SearchView view, String facet) {
        return facet(view, facet).getChildren().filter(Button.class::isInstance).map(c -> ((Button) c).getText())
                .toList();
    }

    private static Optional<String> note(SearchView view) {
        return view.facets.getChildren().filter(c -> c.getId().equals(Optional.of("search-facets-approximate")))
                .map(c -> c.getElement().getText()).findFirst();
    }
}
