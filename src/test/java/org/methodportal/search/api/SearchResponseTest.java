package org.methodportal.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.methodportal.method.Category;
import org.methodportal.search.FacetCount;
import org.methodportal.search.SearchResult;
import org.methodportal.search.SearchService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The search response of a search whose facets count only its best hits says so; the shared API
 * context counts every search exactly (its sample is far above the demo data), so the service is
 * stubbed here.
 */
class SearchResponseTest {

    @Test
    void approximateFacetsAreFlaggedBesideTheExactTotal() {
        SearchService search = mock(SearchService.class);
        var facets = Map.of("category", List.of(new FacetCount(Category.MASS_LINE.name(), "践行群众路线", 10)),
                "status", List.of(new FacetCount("PUBLISHED", "PUBLISHED", 30)));
        when(search.search(any())).thenReturn(new SearchResult(30, List.of(), facets, 0, 20, null, false, true));
        MockMvcTester mvc = MockMvcTester.of(new SearchController(search));

        MvcTestResult result = mvc.get().uri("/api/v1/search").param("q", "抽样计数").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.facetsApproximate").isEqualTo(true);
        assertThat(result).bodyJson().extractingPath("$.total").isEqualTo(30);
        assertThat(result).bodyJson().extractingPath("$.facets.category[0].count").isEqualTo(10);
    }
}
