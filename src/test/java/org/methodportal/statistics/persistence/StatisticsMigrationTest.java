package org.methodportal.statistics.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.methodportal.shared.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The statistics' migrations on rows written before them: V98 records the first publication of each
 * method published before it (the earliest of its publications, nothing for a method never
 * published); V99 gives each review the submission of its round, which V97 kept in a table of its own. On H2 a database of its
 * own; on PostgreSQL ({@code -Dportal.test.db=postgres}) a schema of its own in the throwaway database.
 */
@Tag("mapper")
@ExtendWith(TestDatabase.Availability.class)
class StatisticsMigrationTest {

    private static final OffsetDateTime FIRST = OffsetDateTime.of(2024, 3, 5, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void publicationsAndReviewsWrittenBeforeTheMigrationsKeepTheirTimes() {
        String schema = "v98_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String pg = TestDatabase.isPostgres() ? TestDatabase.reachablePostgres() : null;
        DataSource dataSource = pg != null
                ? new DriverManagerDataSource(pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                        TestDatabase.postgresUser(), "")
                : new DriverManagerDataSource("jdbc:h2:mem:" + schema
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (pg != null) {
            flyway.schemas(schema).defaultSchema(schema);
        }
        flyway.target("97").load().migrate();
        var jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO department (id, name, created_at) VALUES (1, 'm-department', CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO branch (id, department_id, name, created_at) VALUES (1, 1, 'm-branch', CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO account (id, login, display_name, display_name_pinyin, password_hash, branch_id, created_at) "
                + "VALUES (1, 'm-account', 'm-account', 'm-account', '{noop}x', 1, CURRENT_TIMESTAMP)");
        for (long id = 1; id <= 2; id++) {
            jdbc.update("INSERT INTO method (id, category, origin_department_id, origin_branch_id, owner_id, status, "
                    + "created_at, updated_at) VALUES (?, 'PARTY_BUILDING', 1, 1, 1, 'PUBLISHED', ?, ?)", id, FIRST, FIRST);
            for (int n = 1; n <= 2; n++) {
                jdbc.update("INSERT INTO method_revision (id, method_id, n, title, category, problem, author_id, "
                        + "created_at, status_at_creation) VALUES (?, ?, ?, 'm-title', 'PARTY_BUILDING', 'm-problem', 1, ?, "
                        + "'DRAFT')", id * 10 + n, id, n, FIRST);
            }
        }
        // method 1 published twice, the later revision first in the table; method 2 never
        jdbc.update("INSERT INTO method_publication (method_id, revision_id, published_at, published_by, "
                + "source_method_id, source_round) VALUES (1, 12, ?, 1, 1, 2)", FIRST.plusMonths(4));
        jdbc.update("INSERT INTO method_publication (method_id, revision_id, published_at, published_by, "
                + "source_method_id, source_round) VALUES (1, 11, ?, 1, 1, 1)", FIRST);

        jdbc.update("INSERT INTO review (id, method_id, revision_id, review_round, reviewer_id, decision, regularity, "
                + "pertinence, operability, adaptability, exemplarity, creativity, created_at) "
                + "VALUES (?, 1, 11, ?, 1, 'APPROVE', 4, 4, 4, 4, 4, 4, ?)", 1, 1, FIRST);
        jdbc.update("INSERT INTO review (id, method_id, revision_id, review_round, reviewer_id, decision, regularity, "
                + "pertinence, operability, adaptability, exemplarity, creativity, created_at) "
                + "VALUES (?, 1, 12, ?, 1, 'APPROVE', 4, 4, 4, 4, 4, 4, ?)", 2, 2, FIRST.plusMonths(4));
        // V97 knew the submission of the first round only
        jdbc.update("INSERT INTO review_submission (method_id, review_round, submitted_at) VALUES (1, 1, ?)",
                FIRST.minusDays(2));

        String submissionTables = "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = "
                + "'review_submission' AND table_schema = current_schema()";
        assertThat(jdbc.queryForObject(submissionTables, Long.class)).isOne();

        flyway.target("99").load().migrate();

        assertThat(jdbc.queryForList("SELECT method_id FROM method_first_publication", Long.class))
                .as("one row per published method").containsExactly(1L);
        assertThat(jdbc.queryForObject("SELECT published_at FROM method_first_publication WHERE method_id = 1",
                OffsetDateTime.class)).isAtSameInstantAs(FIRST);
        assertThat(jdbc.queryForObject("SELECT submitted_at FROM review WHERE id = 1", OffsetDateTime.class))
                .isAtSameInstantAs(FIRST.minusDays(2));
        assertThat(jdbc.queryForObject("SELECT submitted_at FROM review WHERE id = 2", OffsetDateTime.class)).isNull();
        assertThat(jdbc.queryForObject(submissionTables, Long.class)).as("replaced by the review's column").isZero();
        if (pg != null) {
            jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
