package org.methodportal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
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
