package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceTest
class EventPublicationCleanupTest {

    @Autowired
    EventPublicationCleanup cleanup;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void completedPublicationsOlderThanTheKeptWeekAreDeletedAndNothingElse() {
        Instant now = Instant.now();
        UUID oldCompleted = publication(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(30)));
        UUID recentCompleted = publication(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)));
        UUID oldIncomplete = publication(now.minus(Duration.ofDays(30)), null);

        cleanup.cleanUp();

        assertThat(exists(oldCompleted)).isFalse();
        assertThat(exists(recentCompleted)).isTrue();
        assertThat(exists(oldIncomplete)).as("resubmitted at start, never deleted").isTrue();
    }

    private UUID publication(Instant published, Instant completed) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, "
                        + "completion_date, status) VALUES (?, 'test.listener', 'test.Event', '{}', ?, ?, ?)",
                id, Timestamp.from(published), completed == null ? null : Timestamp.from(completed),
                completed == null ? "PUBLISHED" : "COMPLETED");
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE id = ?", Integer.class, id) == 1;
    }
}
