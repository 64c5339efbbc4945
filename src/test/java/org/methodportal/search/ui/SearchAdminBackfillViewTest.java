package org.methodportal.search.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.methodportal.search.BackfillStatus;
import org.methodportal.search.EmbeddingBackfill;
import org.methodportal.search.IndexHealth;
import org.methodportal.search.IndexOverview;
import org.methodportal.search.OutboxBacklog;
import org.methodportal.search.ReindexStatus;
import org.methodportal.search.SearchService;
import org.methodportal.shared.MutableClock;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;

/**
 * The administrators' search page shows the embedding backfill: the one at start, its progress and
 * rate while one runs (the page polls), a button that starts one, and nothing of it when the
 * semantic leg is off; only administrators may start one.
 */
@ServiceTest
@WithUserDetails("admin")
@ViewPackages(classes = SearchAdminView.class)
class SearchAdminBackfillViewTest extends SpringBrowserlessTest {

    @Autowired
    SearchService search;
    @Autowired
    EmbeddingBackfill backfill;
    @Autowired
    MutableClock clock;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    void thePageShowsTheBackfillAtStartAndTheButtonStartsAnother() throws InterruptedException {
        SearchAdminView view = open();

        assertThat(view.embeddings.isVisible()).isTrue();
        assertThat(view.lastBackfill.getText()).as("the one at start (waited for before each test)")
                .contains("门户启动时自动补算").contains("新计算");
        assertThat(view.backfill.isEnabled()).isTrue();

        test(view.backfill).click();
        awaitBackfillEnded();
        view.refresh();

        assertThat(view.lastBackfill.getText()).contains("（admin）").contains("检查");
        assertThat(view.backfillRunning.isVisible()).isFalse();
        assertThat(search.backfillStatus().startedBy()).isEqualTo("admin");
    }

    @Test
    void whileABackfillRunsThePageShowsItsProgressAndRateAndPolls() {
        SearchService stub = mock(SearchService.class);
        var running = new BackfillStatus(true, true, 250, 1000, 200, clock.instant().minusSeconds(4), null, "admin",
                null);
        when(stub.overview()).thenReturn(overview(running));

        var view = new SearchAdminView(stub, clock);
        UI.getCurrent().add(view);

        assertThat(view.backfillRunning.isVisible()).isTrue();
        assertThat(view.backfillProgressText.getText()).isEqualTo("已检查 250 / 1000 条，新计算 200 条，每秒 50.0 条");
        assertThat(view.backfillProgress.getValue()).isEqualTo(0.25);
        assertThat(view.backfill.isEnabled()).as("one at a time").isFalse();
        assertThat(view.lastBackfill.getText()).startsWith("正在进行");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(SearchAdminView.POLL_MILLIS);

        var finished = new BackfillStatus(true, false, 1000, 1000, 800, running.startedAt(),
                running.startedAt().plus(Duration.ofSeconds(16)), "admin", null);
        when(stub.overview()).thenReturn(overview(finished));
        view.refresh();

        assertThat(view.backfillRunning.isVisible()).isFalse();
        assertThat(view.lastBackfill.getText()).contains("用时 16.0 秒，检查 1000 条，新计算 800 条（admin）");
        assertThat(UI.getCurrent().getPollInterval()).as("polling stopped").isEqualTo(-1);
        UI.getCurrent().remove(view);
    }

    @Test
    void withTheSemanticLegOffTheSectionIsHidden() {
        SearchService stub = mock(SearchService.class);
        when(stub.overview()).thenReturn(overview(BackfillStatus.OFF));

        var view = new SearchAdminView(stub, clock);

        assertThat(view.embeddings.isVisible()).isFalse();
    }

    @Test
    void onlyAdministratorsMayStartABackfill() {
        signInAs(users, securityContexts, "member");

        assertThatThrownBy(() -> search.startBackfill()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> search.backfillStatus()).isInstanceOf(AccessDeniedException.class);
    }

    private IndexOverview overview(BackfillStatus backfillStatus) {
        return new IndexOverview("Lucene", 1000L, new OutboxBacklog(0, 0, null), ReindexStatus.NONE,
                IndexHealth.SERVING, backfillStatus);
    }

    private SearchAdminView open() {
        UI.getCurrent().navigate("admin/search");
        return (SearchAdminView) AopTestUtils.getUltimateTargetObject(getCurrentView());
    }

    private void awaitBackfillEnded() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (backfill.status().running() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(backfill.status().running()).isFalse();
    }
}
