package org.methodportal.shared;

import javax.sql.DataSource;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Flyway migrates on connections of its own, outside the pool, each closed when Flyway is done with
 * it. The pool opens only after the migration, so the embedded database (file mode, no
 * DB_CLOSE_DELAY) closes in between and is opened again by the pool's first connection: every
 * constraint a migration created is then parsed by the database's own session rather than kept
 * bound to the migrating one, which H2 2.4 did for {@code CHECK (x IN (...))} so that every write
 * failed once the pool retired that connection (h2database#4302).
 */
@Configuration(proxyBeanMethods = false)
class MigrationConfig {

    /**
     * The pool's resolved URL and credentials, not the properties again: a URL with
     * {@code ${random.uuid}} (in-memory test databases) would otherwise name another database.
     */
    @Bean
    FlywayConfigurationCustomizer migrateOutsideThePool(DataSource dataSource) {
        return configuration -> {
            if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
                configuration.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            }
        };
    }
}
