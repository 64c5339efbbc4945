package org.methodportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.methodportal.shared.TestUsers.signInAs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.ServiceTest;
import org.methodportal.shared.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * One reindex at a time across the instances sharing the database: while another instance's
 * reindex reports in, this one refuses to start one (naming it) and shows that one's progress; once
 * it stopped reporting, it shows as ended and this instance may start again.
 */
@ServiceTest
class ReindexLeaseTest {

    private static final String OTHER = "portal-2.example.org/4242";

    @Autowired
    SearchService search;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @AfterEach
    void release() {
        jdbc.update("UPDATE search_reindex SET running = FALSE WHERE instance = ?", OTHER);
        TestUsers.signOut(securityContexts);
    }

    @Test
    void anotherInstancesReindexIsShownHereAndBlocksAnotherUntilItStopsReporting() throws Exception {
        awaitEnded();
        signInAs(users, securityContexts, "admin");
        Instant started = clock.instant().minusSeconds(20);
        otherInstanceRuns(started, clock.instant());

        assertThatThrownBy(search::startReindex).isInstanceOfSatisfying(PortalException.class, e -> {
            assertThat(e.code()).isEqualTo("search.reindex-running-elsewhere");
            assertThat(e.args()).containsExactly(OTHER);
        });
        ReindexStatus shown = search.reindexStatus();
        assertThat(shown.running()).isTrue();
        assertThat(shown.done()).isEqualTo(250);
        assertThat(shown.total()).isEqualTo(1000);
        assertThat(shown.startedBy()).isEqualTo("admin2");

        otherInstanceRuns(started, clock.instant().minus(SearchIndexer.LEASE).minusSeconds(5));
        ReindexStatus stopped = search.reindexStatus();
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.error()).contains(OTHER).contains("stopped");

        search.startReindex();
        awaitEnded();
        ReindexStatus mine = search.reindexStatus();
        assertThat(mine.running()).isFalse();
        assertThat(mine.startedBy()).isEqualTo("admin");
        assertThat(mine.error()).isNull();
        assertThat(mine.done()).isEqualTo(mine.total()).isPositive();
    }

    private void otherInstanceRuns(Instant started, Instant heartbeat) {
        jdbc.update("UPDATE search_reindex SET running = TRUE, instance = ?, started_by = 'admin2', started_at = ?, "
                        + "heartbeat_at = ?, finished_at = NULL, total = 1000, done = 250, error = NULL",
                OTHER, Timestamp.from(started), Timestamp.from(heartbeat));
    }

    private void awaitEnded() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (indexer.isRebuilding()) {
            assertThat(System.nanoTime()).as("the reindex ended").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
