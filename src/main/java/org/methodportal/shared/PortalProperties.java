package org.methodportal.shared;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares. {@code dataDir} holds the embedded database, the search index and
 * uploads.
 */
@ConfigurationProperties("portal")
public record PortalProperties(@DefaultValue("./data") Path dataDir) {
}
