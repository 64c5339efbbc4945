package org.methodportal.seed;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where the portal runs and, with demo data, how to sign in. */
@Component
class StartupAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncer.class);

    private final Environment environment;
    private final SeedProperties properties;
    private final DemoDataLoader loader;

    StartupAnnouncer(Environment environment, SeedProperties properties, DemoDataLoader loader) {
        this.environment = environment;
        this.properties = properties;
        this.loader = loader;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() throws IOException {
        String port = environment.getProperty("local.server.port", "8080");
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        var text = new StringBuilder("\n\n  支部工作法库 Method Portal is running at http://localhost:")
                .append(port).append(contextPath).append("/\n");
        if (properties.demo()) {
            DemoSeed seed = loader.read();
            text.append("  Demo logins (password \"").append(seed.password()).append("\"):\n");
            seed.accounts().forEach(a -> text.append(String.format("    %-11s %s %s%n", a.login(), a.displayName(),
                    a.roles())));
        }
        text.append("  API docs: http://localhost:").append(port).append(contextPath).append("/swagger-ui.html\n");
        log.info(text.toString());
    }
}
