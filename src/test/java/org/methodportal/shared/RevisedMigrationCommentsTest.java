package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.shared.RevisedMigrationComments.Reworded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class RevisedMigrationCommentsTest {

    DriverManagerDataSource dataSource;
    JdbcTemplate jdbc;
    Flyway flyway;

    @BeforeEach
    void migratedDatabase() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = new JdbcTemplate(dataSource);
        flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
        flyway.migrate();
    }

    @Test
    void theNewChecksumsAreThoseOfTheShippedFiles() {
        for (Reworded migration : RevisedMigrationComments.REWORDED) {
            assertThat(checksum(migration.version())).as("V" + migration.version()).isEqualTo(migration.after());
        }
    }

    @Test
    void aDatabaseMigratedWithTheOldWordingValidatesAfterwards() {
        for (Reworded migration : RevisedMigrationComments.REWORDED) {
            setChecksum(migration.version(), migration.before());
        }
        assertThatThrownBy(flyway::validate).as("what Flyway alone says").isInstanceOf(FlywayValidateException.class);

        new RevisedMigrationComments().migrate(flyway);

        flyway.validate();
        for (Reworded migration : RevisedMigrationComments.REWORDED) {
            assertThat(checksum(migration.version())).isEqualTo(migration.after());
        }
    }

    @Test
    void anyOtherDifferenceStillFailsValidation() {
        Reworded first = RevisedMigrationComments.REWORDED.getFirst();
        setChecksum(first.version(), first.before() + 1);
        setChecksum("1", 12345);

        assertThatThrownBy(() -> new RevisedMigrationComments().migrate(flyway))
                .isInstanceOf(FlywayValidateException.class);
        assertThat(checksum(first.version())).isEqualTo(first.before() + 1);
        assertThat(checksum("1")).isEqualTo(12345);
    }

    @Test
    void aNewDatabaseIsMigratedAsUsual() {
        var empty = Flyway.configure().dataSource(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""))
                .locations("classpath:db/migration").load();

        new RevisedMigrationComments().migrate(empty);

        assertThat(empty.info().pending()).isEmpty();
        assertThat(empty.info().applied()).hasSameSizeAs(flyway.info().applied());
    }

    private int checksum(String version) {
        return jdbc.queryForObject("SELECT checksum FROM flyway_schema_history WHERE version = ?", Integer.class, version);
    }

    private void setChecksum(String version, int checksum) {
        jdbc.update("UPDATE flyway_schema_history SET checksum = ? WHERE version = ?", checksum, version);
    }
}
