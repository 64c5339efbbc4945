package org.methodportal.search.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.reset;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.search.IndexHealth;
import org.methodportal.search.SearchIndexer;
import org.methodportal.search.engine.HeldRebuild;
import org.methodportal.search.engine.IndexDamagedException;
import org.methodportal.search.engine.SearchIndex;
import org.methodportal.shared.ServiceTest;
import org.methodportal.ui.SearchSuggestions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.util.AopTestUtils;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;

/**
 * While the portal rebuilds a damaged index, the results page and the header box say 正在重建索引
 * (never "nothing found"), and the administrators' page shows why, where the damaged index went
 * and the progress; afterwards the results come back.
 */
@ServiceTest
@WithUserDetails("admin")
@ViewPackages(classes = {SearchView.class, SearchAdminView.class})
class SearchRebuildingViewTest extends SpringBrowserlessTest {

    @Autowired
    SearchIndexer indexer;
    @Autowired
    SearchSuggestions suggestions;
    @MockitoSpyBean
    SearchIndex index;

    @AfterEach
    void resetIndex() {
        reset(index);
    }

    @Test
    void pagesSayRebuildingWithProgressUntilTheRebuildIsCompleteThenShowResults() throws Exception {
        var taken = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        HeldRebuild.hold(index, taken, release);
        try {
            indexer.damaged(new IndexDamagedException("segment checksum failed"));
            assertThat(taken.await(30, TimeUnit.SECONDS)).isTrue();

            SearchView results = open(SearchView.class, "search", "q=对接");
            assertThat(ids(results.results)).containsExactly("search-rebuilding");
            assertThat(text(results.results)).contains("正在重建索引").contains("已完成 0 / ");
            assertThat(suggestions.suggest("对接", 8)).singleElement()
                    .isEqualTo(new SearchSuggestions.Suggestion("正在重建索引，稍后即可搜索", "search"));

            SearchAdminView admin = open(SearchAdminView.class, "admin/search", "");
            assertThat(admin.health.getText()).startsWith("正在自动重建").contains("运行中索引损坏或丢失");
            String aside = indexer.health().setAside();
            assertThat(Path.of(aside)).exists();
            assertThat(admin.setAside.getText()).contains(aside);
            assertThat(admin.running.isVisible()).as("progress shown").isTrue();
            assertThat(admin.reindex.isEnabled()).isFalse();
        } finally {
            release.countDown();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!indexer.health().serving() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(indexer.health().status()).isEqualTo(IndexHealth.Status.SERVING);

        SearchView results = open(SearchView.class, "search", "q=对接");
        assertThat(ids(results.results)).doesNotContain("search-rebuilding", "search-empty");
        assertThat(results.results.getComponentCount()).isPositive();
        SearchAdminView admin = open(SearchAdminView.class, "admin/search", "");
        assertThat(admin.health.getText()).startsWith("正常");
    }

    private <T> T open(Class<T> type, String route, String query) {
        UI.getCurrent().navigate(route, QueryParameters.fromString(query));
        return type.cast(AopTestUtils.getUltimateTargetObject(getCurrentView()));
    }

    private static java.util.List<String> ids(Component parent) {
        return parent.getChildren().map(Component::getId).flatMap(Optional::stream).toList();
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }
}
