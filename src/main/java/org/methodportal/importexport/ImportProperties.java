package org.methodportal.importexport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code portal.import.max-size}: the largest import file accepted (upload and REST body). The
 * 60-entry corpus is about 100 KB; the default leaves room for tens of thousands of entries.
 */
@ConfigurationProperties("portal.import")
public record ImportProperties(@DefaultValue("50MB") DataSize maxSize) {
}
