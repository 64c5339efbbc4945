package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The start-up refusals, on a context without beans (so nothing touches a database): the listener is
 * registered in spring.factories like in the real application and reads the real configuration files.
 */
class StartupSettingsCheckTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void aProfileWithoutSettingsStopsTheStart() {
        assertThatThrownBy(() -> start("postgress"))
                .isInstanceOf(StartupSettingsException.class)
                .hasMessageContaining("[postgress]")
                .hasMessageContaining("have no settings");
    }

    @Test
    void thePostgresProfileShipsInsideTheApplicationAndRefusesAnH2Url() {
        assertThatThrownBy(() -> start("postgres", "--spring.datasource.url=jdbc:h2:file:./data/portal"))
                .isInstanceOf(StartupSettingsException.class)
                .hasMessageContaining("require a postgresql database")
                .hasMessageContaining("jdbc:h2:file:./data/portal");
    }

    @Test
    void thePostgresProfileStartsOnAPostgresUrl() {
        try (ConfigurableApplicationContext context = start("postgres",
                "--spring.datasource.url=jdbc:postgresql://db.example.org:5432/portal")) {
            assertThat(context.getEnvironment().getProperty("portal.seed.demo")).isEqualTo("false");
        }
    }

    @Test
    void theEmbeddedDefaultNeedsNoProfile() {
        try (ConfigurableApplicationContext context = start(null)) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
        }
    }

    /**
     * H2 runs each Statement.setQueryTimeout as a SET command, which empties the statement plan cache
     * of every connection: the embedded database gets its timeout once, from its URL, and the
     * per-statement timeout is PostgreSQL's only.
     */
    @Test
    void theEmbeddedDatabaseTimesOutStatementsWithoutPerStatementTimeouts(@TempDir Path dataDir) throws Exception {
        try (ConfigurableApplicationContext context = start(null, "--portal.data-dir=" + dataDir)) {
            assertThat(context.getEnvironment().getProperty("mybatis.configuration.default-statement-timeout")).isNull();
            try (Connection connection = DriverManager.getConnection(
                    context.getEnvironment().getRequiredProperty("spring.datasource.url"), "sa", "");
                 Statement statement = connection.createStatement();
                 ResultSet settings = statement.executeQuery("SELECT setting_name, setting_value"
                         + " FROM information_schema.settings WHERE setting_name IN ('QUERY_TIMEOUT', 'QUERY_CACHE_SIZE')")) {
                Map<String, String> values = new HashMap<>();
                while (settings.next()) {
                    values.put(settings.getString(1), settings.getString(2));
                }
                assertThat(values).containsEntry("QUERY_TIMEOUT", "30000").containsEntry("QUERY_CACHE_SIZE", "128");
            }
        }
        try (ConfigurableApplicationContext context = start("postgres",
                "--spring.datasource.url=jdbc:postgresql://db.example.org:5432/portal")) {
            assertThat(context.getEnvironment().getProperty("mybatis.configuration.default-statement-timeout"))
                    .isEqualTo("30");
        }
    }

    @Test
    void passwordsInTheUrlAreMaskedInTheLog() {
        assertThat(StartupSettingsCheck.withoutSecrets("jdbc:postgresql://h/db?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=****&ssl=true");
        assertThat(StartupSettingsCheck.withoutSecrets("jdbc:h2:file:./x;PASSWORD=p;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./x;PASSWORD=****;MODE=PostgreSQL");
    }

    private static ConfigurableApplicationContext start(String profile, String... args) {
        var builder = new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                // Only the files inside the application: ./config/ of the working directory stays out.
                .properties("spring.config.location=classpath:/");
        if (profile != null) {
            builder.profiles(profile);
        }
        return builder.run(args);
    }
}
