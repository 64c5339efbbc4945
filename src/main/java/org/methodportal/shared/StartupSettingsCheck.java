package org.methodportal.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Refuses to start on settings that would put the data somewhere the operator does not expect, and
 * names the database in the log. Two mistakes ended silently on the embedded H2 file with the demo
 * accounts: an active profile whose settings file is not found (a typo, or a file that lived only
 * beside the sources), and a PostgreSQL profile whose URL was overridden back to H2. Registered in
 * {@code META-INF/spring.factories}, so it runs once the configuration files are read and before
 * any bean touches the database.
 */
public final class StartupSettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(StartupSettingsCheck.class);
    private static final Pattern SECRET = Pattern.compile("(?i)(password|pwd)=[^;&]*");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        List<String> missing = profilesWithoutSettings(environment);
        if (!missing.isEmpty()) {
            throw new StartupSettingsException(
                    "The active profile(s) " + missing + " have no settings: no application-<profile>.yaml (or "
                            + ".properties) was found inside the jar, in ./config/ or in spring.config.location.",
                    "Check the spelling of spring.profiles.active. The shipped profile is 'postgres'; a profile of "
                            + "your own needs its file in ./config/ or --spring.config.additional-location.");
        }
        String url = environment.getProperty("spring.datasource.url", "");
        String vendor = environment.getProperty("portal.database.required-vendor");
        if (vendor != null && !vendor.isBlank()
                && !url.toLowerCase(Locale.ROOT).startsWith("jdbc:" + vendor.toLowerCase(Locale.ROOT) + ":")) {
            throw new StartupSettingsException(
                    "The profile(s) " + List.of(environment.getActiveProfiles()) + " require a " + vendor
                            + " database, but spring.datasource.url is '" + withoutSecrets(url) + "'.",
                    "Set PORTAL_DB_URL (or spring.datasource.url) to a jdbc:" + vendor + ": URL, and remove "
                            + "any override of spring.datasource.url (e.g. in ./config/application.yaml).");
        }
        log.info("database: {} (user {})", withoutSecrets(url),
                environment.getProperty("spring.datasource.username", "-"));
    }

    /** Active profiles no loaded property source was read for; the check is by file name. */
    static List<String> profilesWithoutSettings(ConfigurableEnvironment environment) {
        String configName = environment.getProperty("spring.config.name", "application");
        List<String> names = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            names.add(source.getName());
        }
        List<String> missing = new ArrayList<>();
        for (String profile : environment.getActiveProfiles()) {
            String file = configName + "-" + profile + ".";
            if (names.stream().noneMatch(name -> name.contains(file))) {
                missing.add(profile);
            }
        }
        return missing;
    }

    /** A JDBC URL as it may be logged or shown: password parameters masked. */
    static String withoutSecrets(@Nullable String url) {
        return url == null ? "" : SECRET.matcher(url).replaceAll("$1=****");
    }

    @Override
    public int getOrder() {
        // After Boot has read the configuration files and started the logging system.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
