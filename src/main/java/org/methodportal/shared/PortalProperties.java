package org.methodportal.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares. {@code dataDir} holds the embedded database, the search index and
 * uploads. {@code instanceName} names this process among the instances sharing a database (who runs
 * a reindex); unset, host name and process id.
 */
@ConfigurationProperties("portal")
public record PortalProperties(@DefaultValue("./data") Path dataDir, @Nullable String instanceName) {

    /** This instance's name: the configured one, or host name and process id. */
    public String instance() {
        if (instanceName != null && !instanceName.isBlank()) {
            return instanceName.strip();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "/" + ProcessHandle.current().pid();
    }
}
